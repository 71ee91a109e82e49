/** An error whose message is safe and useful to show to the user as it is. */
export class UserError extends Error {
  constructor(
    readonly code: 'BAD_REQUEST' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS',
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
