import { AsyncLocalStorage } from 'node:async_hooks';

import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * One holder at a time of TypeORM's single better-sqlite3 connection: a transaction from BEGIN to
 * COMMIT/ROLLBACK, or one statement outside any transaction.
 *
 * Why: the better-sqlite3 driver gives every caller the same connection and the same query runner.
 * Without a gate, a second `db.transaction()` started while another is open fails with "cannot
 * start a transaction within a transaction" (and can leave the first one's rollback undone), and a
 * plain statement from another request runs inside whichever transaction happens to be open, so it
 * commits or rolls back with it. Async context (AsyncLocalStorage) tells the holder's own
 * statements, which pass, from everybody else's, which wait their turn. SQL Server needs none of
 * this: each transaction gets its own pooled connection.
 */
class Gate {
  owner: symbol | null = null;
  private readonly waiting: { token: symbol; resolve: () => void }[] = [];

  acquire(token: symbol): Promise<void> {
    if (this.owner === null) {
      this.owner = token;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ token, resolve }));
  }

  release(token: symbol): void {
    if (this.owner !== token) {
      return;
    }
    const next = this.waiting.shift();
    this.owner = next ? next.token : null;
    next?.resolve();
  }
}

type Runner = QueryRunner & { transactionDepth: number };
type TransactionFn = EntityManager['transaction'];

const gated = new WeakSet<DataSource>();

/**
 * Makes concurrent use of a SQLite DataSource safe (see {@link Gate}); does nothing for SQL Server
 * or when already applied. Call once, after `initialize()`.
 * @param ds the initialised DataSource
 */
export function gateSqliteConnection(ds: DataSource): void {
  if (ds.options.type !== 'better-sqlite3' || gated.has(ds)) {
    return;
  }
  gated.add(ds);
  const gate = new Gate();
  const context = new AsyncLocalStorage<symbol>();
  const runner = ds.createQueryRunner() as Runner;
  const holds = () => gate.owner !== null && context.getStore() === gate.owner;

  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  (runner as unknown as { query: typeof query }).query = async (...args: unknown[]) => {
    if (holds()) {
      return query(...args);
    }
    const token = Symbol('statement');
    await gate.acquire(token);
    try {
      return await query(...args);
    } finally {
      gate.release(token);
    }
  };

  const start = runner.startTransaction.bind(runner);
  runner.startTransaction = (isolationLevel) => {
    if (runner.transactionDepth > 0 && holds()) {
      return start(isolationLevel);
    }
    // A new transaction: tag this async context (before any await, so the caller's following
    // statements carry the tag) and wait for the connection.
    const token = Symbol('transaction');
    context.enterWith(token);
    return gate.acquire(token).then(async () => {
      try {
        await start(isolationLevel);
      } catch (err) {
        gate.release(token);
        throw err;
      }
    });
  };

  const finish = (fn: () => Promise<void>) => async () => {
    const token = gate.owner;
    await fn();
    if (runner.transactionDepth === 0 && token) {
      gate.release(token);
    }
  };
  runner.commitTransaction = finish(runner.commitTransaction.bind(runner));
  runner.rollbackTransaction = finish(runner.rollbackTransaction.bind(runner));

  // EntityManager.transaction calls startTransaction with no await before it, so its tag would
  // leak into the caller's context; running it inside context.run (with a store of its own, as
  // run() with the current store does nothing) keeps the tag to this call. A transaction started
  // by the holder itself nests as a savepoint and needs no scope.
  const manager = ds.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => unknown;
  const scoped = (...args: unknown[]) =>
    holds() ? transaction(...args) : context.run(Symbol('scope'), () => transaction(...args));
  (manager as unknown as { transaction: TransactionFn }).transaction = scoped as TransactionFn;
}
