import type { Server } from 'restify';
import type { DataSource } from 'typeorm';

import type { Config } from '../config/env';
import type { IdentityService } from '../domain/identity-service';
import type { Logger } from '../logging/logger';
import type { Handler } from './http';

/** What every route module receives when it registers its routes. */
export type ApiContext = {
  server: Server;
  config: Config;
  db: DataSource;
  log: Logger;
  identity: IdentityService;
  /** token check + caller loading; put first in every protected route */
  auth: Handler;
};
