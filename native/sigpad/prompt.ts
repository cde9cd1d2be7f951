import { z } from 'zod';
import { MAX_PROMPT_BYTES } from './sigpad-messages';

/**
 * The prompt shown on the pad: 1–64 characters (two lines on a 4-inch screen), no control
 * characters (the pad's firmware would render them as boxes), and within the frame's byte bound.
 */
export const promptSchema = z
  .string()
  .trim()
  .min(1, '提示文字不能为空')
  .refine((text) => [...text].length <= 64, '提示文字最多64个字符')
  .refine((text) => !/\p{Cc}/u.test(text), '提示文字不能包含控制字符')
  .refine((text) => new TextEncoder().encode(text).length <= MAX_PROMPT_BYTES, `提示文字最多${MAX_PROMPT_BYTES}字节`);
