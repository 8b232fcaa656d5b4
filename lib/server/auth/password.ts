import { hash, verify } from "@node-rs/argon2";

/** OWASP's argon2id minimum: 19 MiB memory, 2 passes, 1 lane. */
// `algorithm: 2` is Argon2id (the package exports it as an ambient const enum).
export const ARGON2_PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a crash
  }
}

// Verifying against this when the account doesn't exist keeps response times alike either way.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("fieldwatch-dummy-password");
  await verifyPassword(await dummyHash, password);
}
