import bcrypt from "bcryptjs";

// bcryptjs (pure JS, no native build). Cost 12 is ~250 ms on this class of
// machine: slow enough to resist offline guessing, fast enough for sign-in.
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A valid hash of a random string: comparing against it when the email is
// unknown keeps sign-in time the same, so timing does not reveal which emails exist.
export const DUMMY_PASSWORD_HASH = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO3MIKnXrGpuJ3tB2Vyg1hJQ5FrqJh8XK";
