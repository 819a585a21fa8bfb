/** What an action left to say: a refusal (read out at once) and/or what was done. */
export function Outcome({ error, done, prefix = '' }: { error: string | null; done?: string | null; prefix?: string }) {
  return (
    <>
      {done && <p role="status">{done}</p>}
      {error && (
        <p className="error" role="alert">
          {prefix}
          {error}
        </p>
      )}
    </>
  );
}
