/** A mistake in how the CLI was called (exit code 2), as opposed to a failure of the work itself. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(zh);
  }
}
