import { AppError } from '../../contract';
import type { Handler } from '../handler';

/** Placeholder until the office cache lands: every review method refuses with NOT_IMPLEMENTED. */
const notYet: Handler<'review.queues'> = () => {
  throw new AppError('NOT_IMPLEMENTED');
};

export const reviewHandlers = {
  'review.queues': notYet,
  'review.claim': notYet as unknown as Handler<'review.claim'>,
  'review.release': notYet as unknown as Handler<'review.release'>,
  'review.reassign': notYet as unknown as Handler<'review.reassign'>,
  'review.candidates': notYet as unknown as Handler<'review.candidates'>,
  'review.workspace': notYet as unknown as Handler<'review.workspace'>,
  'review.material': notYet as unknown as Handler<'review.material'>,
  'review.decide': notYet as unknown as Handler<'review.decide'>,
  'registration.preview': notYet as unknown as Handler<'registration.preview'>,
  'registration.register': notYet as unknown as Handler<'registration.register'>,
  'registration.undo': notYet as unknown as Handler<'registration.undo'>,
  'cases.receiveSupplement': notYet as unknown as Handler<'cases.receiveSupplement'>,
};
