export type DataFolderProblem = 'in-use' | 'unreachable' | 'start-failed' | 'init-failed' | 'import-failed';

/**
 * A start-up failure of the data folder that a person has to act on. `message` is Japanese and
 * says what happened and what to do; main.ts prints it instead of a stack trace.
 */
export class DataFolderError extends Error {
  override readonly name = 'DataFolderError';
  readonly code: DataFolderProblem;
  /** Set when the same start may succeed a moment later (an old server still letting go). */
  transient = false;
  constructor(message: string, code: DataFolderProblem, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
