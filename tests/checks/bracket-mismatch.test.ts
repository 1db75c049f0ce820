import { ruleTester } from './helpers.js';

const VI = 'Hai nước ký Thỏa thuận An ninh Cung ứng (SOSA) vào tháng 1.';

ruleTester('bracket-mismatch', {
  valid: [
    ['pairs of every kind, nested', VI, 'The two countries signed the Security of Supply Arrangement (SOSA [see {note}]) in January.'],
    ['list markers the source has too', '1) Hợp tác công nghiệp; 2) an ninh hàng hải.', '1) industrial cooperation; 2) maritime security.'],
    ['a source typo carried over', 'Hai nước ký Thỏa thuận (SOSA vào tháng 1.', 'The two countries signed the arrangement (SOSA in January.'],
    ['Markdown links (targets blanked) and footnotes', VI, 'They signed the [arrangement]       in January.[^1]'],
  ],
  invalid: [
    {
      name: 'an opening bracket left open',
      source: VI,
      target: 'The two countries signed the Security of Supply Arrangement (SOSA in January.',
      findings: [{ severity: 'warning', message: '"(" is not closed in this paragraph', actual: '(', note: 'add the ")" or remove the "("', span: { start: { column: 61 } } }],
    },
    {
      name: 'a closing bracket with nothing to close',
      source: VI,
      target: 'The two countries signed the Security of Supply Arrangement SOSA) in January.',
      findings: [{ message: '")" closes no "("', actual: ')' }],
    },
    {
      name: 'crossed brackets',
      source: VI,
      target: 'They signed it (in January [at the Pentagon) this year].',
      findings: [{ message: '"[" is not closed in this paragraph' }, { message: '"]" closes no "["' }],
    },
    {
      name: 'one more unpaired than the source has',
      source: '1) Hợp tác công nghiệp.',
      target: '1) industrial cooperation (and more.',
      findings: [{ message: '"(" is not closed in this paragraph' }],
    },
  ],
});
