/**
 * The length limits of the password policy (password-policy.ts), in a file of their own so the web
 * app's password page can show them without the policy's list of common passwords (read from disk).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
