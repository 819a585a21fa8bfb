import { monthName } from './markdown/months';

export interface OutreachInput {
  projectName: string;
  level: 'incubation' | 'graduation';
  organization: string;
  contactName: string | null;
  reviewerName: string | null;
  /** Today, to propose a window ("in the coming weeks of March 2026"). */
  today: string;
}

/**
 * The interview request e-mail, in our own words after the TOC's model: why we ask,
 * what happens in the call, that notes are approved before anything is published, and
 * that the adopter can stay anonymous.
 */
export function outreachEmail(input: OutreachInput): { subject: string; body: string } {
  const level = input.level === 'incubation' ? 'Incubation' : 'Graduation';
  const greeting = input.contactName ? `Hello ${input.contactName},` : `Hello ${input.organization} team,`;
  const body = [
    greeting,
    '',
    `${input.projectName} has applied to move to ${level} in the CNCF, and as part of the due diligence the TOC talks with organizations that use it. ${input.organization} was named as an adopter, and we would value 30 to 45 minutes of your time in the coming weeks of ${monthName(input.today.slice(0, 7))}.`,
    '',
    'We would ask how you came to use the project, how you run it today and at what scale, how adopting it went, how the maintainers and the community responded when you needed them, and what you would like to see improved.',
    '',
    'During the call we take notes. Afterwards we write a short summary and send it to you: nothing is published until you have reviewed, corrected and approved it. If you prefer, the summary can name only your industry, not your organization or anyone who took part.',
    '',
    'Could you reply with a few times that suit you, and who from your team would join?',
    '',
    'Thank you,',
    input.reviewerName ?? '',
  ]
    .join('\n')
    .trimEnd();
  return { subject: `${input.projectName} ${level} due diligence: a short adopter interview`, body };
}
