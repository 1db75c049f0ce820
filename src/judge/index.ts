/** The MQM judge: prompt, answer reading, span location, scores, and merging with glossary findings. */
export * from './types.js';
export { MQM_PROMPT_VERSION, mqmMessages, mqmSystemPrompt, mqmUserPrompt, type JudgePromptInput } from './prompt.js';
export { parseJudgeAnswer, categoryOf, type ParsedAnswer } from './parse.js';
export { locateQuote, locateErrors, type QuoteLocation } from './locate.js';
export { engineMqm, penaltyOf, wordCount, emptyCounts } from './score.js';
export { mergeGlossaryFindings } from './merge.js';
export { JUDGE_DISCLAIMER, JudgingAbortedError, judgeTranslations, planJudging, type JudgeOptions, type JudgePlan, type JudgeRunOptions, type JudgeTask, type JudgedParagraph } from './judge.js';
