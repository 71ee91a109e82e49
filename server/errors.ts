/** An error whose message is safe and useful to show to the user as it is. */
export class UserError extends Error {
  constructor(
    readonly code: 'BAD_REQUEST' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT',
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
