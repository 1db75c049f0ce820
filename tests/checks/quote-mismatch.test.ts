import { ruleTester } from './helpers.js';

const VI = 'Ông Austin nói: "Liên minh chưa bao giờ mạnh mẽ hơn."';

ruleTester('quote-mismatch', {
  valid: [
    ['curly quotes', VI, 'Austin said: “The alliance has never been stronger.”'],
    ['straight quotes', VI, 'Austin said: "The alliance has never been stronger."'],
    ['apostrophes and single quotes are left alone', VI, "Austin said the alliance's 'never been stronger'."],
    ['a quotation running on into the next paragraph, reopened there', `${VI}\n\nÔng nói thêm: "Hai nước sẽ tiếp tục."`, '“The alliance has never been stronger,\n\n“and the two countries will go on.”'],
    ['an unclosed quotation the source has too', 'Ông nói: "Liên minh mạnh mẽ.', 'He said: “The alliance is strong.'],
    ['guillemets', VI, 'Austin a dit : «L’alliance n’a jamais été aussi forte.»'],
  ],
  invalid: [
    {
      name: 'an opening quote not closed',
      source: VI,
      target: 'Austin said: “The alliance has never been stronger.',
      findings: [{ severity: 'warning', message: 'the quotation opened by “ is not closed in this paragraph', span: { start: { column: 14 } } }],
    },
    {
      name: 'a closing quote with no opening one',
      source: VI,
      target: 'Austin said: The alliance has never been stronger.”',
      findings: [{ message: '” closes no quotation' }],
    },
    {
      name: 'a straight quote left open',
      source: VI,
      target: 'Austin said: "The alliance has never been stronger.',
      findings: [{ message: 'the quotation opened by " is not closed in this paragraph' }],
    },
    {
      name: 'an unclosed quote before a paragraph that does not reopen it',
      source: `${VI}\n\nHai nước sẽ tiếp tục.`,
      target: 'Austin said: “The alliance has never been stronger.\n\nThe two countries will go on.',
      findings: [{ paragraph: 1 }],
    },
  ],
});
