import { Foundation1764140000000 } from './1764140000000-foundation';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const migrations = [Foundation1764140000000];
