import { USAGE_LEVELS, USAGE_LEVEL_LABELS } from '../../../domain/vocabulary';
import { SHORTCUT_GROUPS } from '../keyboard';
import { Dialog } from './Dialog';
import './help.css';

/**
 * The words of a due diligence as the app uses them; the criterion's numbers are the ones
 * templates/adoption/criteria.ts checks (3 adopters; dev/test for incubation, production
 * for graduation).
 */
const GLOSSARY: [string, string][] = [
  ['Independent adopter', 'Not the vendor or organization behind the project. Only independent adopters count for the criterion.'],
  ['Direct or transitive adopter', 'Direct: uses the project itself. Transitive: uses it through another product or service built on it. Both count.'],
  [
    'The criterion',
    'The DD checklist line “used in appropriate capacity by at least 3 independent + indirect/direct adopters”. An adopter counts when it is independent, interviewed, its summary approved, and it uses the project at dev/test or beyond for incubation, in production for graduation.',
  ],
  ['Usage levels', `How far an adopter runs the project: ${USAGE_LEVELS.map((level) => USAGE_LEVEL_LABELS[level]).join(', ')}.`],
  [
    'Anonymous',
    'An anonymous adopter is published under a label (“Anonymous Finance”), never by its name; an anonymous interviewee is never named. The anonymity guard refuses any export that would name them.',
  ],
  [
    'Allowance',
    'A word released from the anonymity guard for one anonymous adopter, when it is a false positive (an ordinary word that is also their product’s name): in their own entry, in another one, or everywhere, with a note the TOC dossier shows.',
  ],
  [
    'Approval',
    'The adopter approves their summary before it is published: mark it sent, then approved (they have 14 days). A summary changed after its approval must be sent again; an entry without approval stays a draft.',
  ],
  ['Quotes', 'Sentences saved from the notes: the adopter’s review copy lists them for the adopter to check, and the TOC dossier counts them. They are published only if you put one into the summary.'],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts and terms" onClose={onClose}>
      <p>Everything in Adoption Desk can be done from the keyboard. Letter keys work outside text fields; edits save themselves half a second after you stop typing.</p>
      <div className="help-columns">
        <section aria-labelledby="help-keys">
          <h3 id="help-keys">Keyboard shortcuts</h3>
          {SHORTCUT_GROUPS.map((group) => (
            <table className="shortcuts" key={group.title} data-testid="shortcut-group">
              <caption>{group.title}</caption>
              <tbody>
                {group.shortcuts.map(({ keys, what }) => (
                  <tr key={keys}>
                    <th scope="row">
                      {keys.split(' or ').map((combination, i) => (
                        <span key={combination}>
                          {i > 0 && ' or '}
                          <kbd>{combination}</kbd>
                        </span>
                      ))}
                    </th>
                    <td>{what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>
        <section aria-labelledby="help-terms">
          <h3 id="help-terms">The DD’s terms</h3>
          <dl className="glossary">
            {GLOSSARY.map(([term, meaning]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{meaning}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
