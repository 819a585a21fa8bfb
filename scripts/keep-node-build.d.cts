export interface KeptFile {
  save(): void;
  restore(): void;
}

export function keepFile(file: string): KeptFile;
