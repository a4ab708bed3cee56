import pino from 'pino';

/** A structured logger with named children; never give it tokens or personal data. */
export type Logger = {
  child(category: string): Logger;
  debug(msg: string, extra?: Record<string, unknown>): void;
  info(msg: string, extra?: Record<string, unknown>): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
};

/** Field paths pino blanks out wherever they appear, as a second line of defence. */
const REDACT = [
  'authorization',
  'token',
  'password',
  'secret',
  '*.authorization',
  '*.token',
  '*.password',
  '*.secret',
  'headers.authorization',
  'req.headers.authorization',
];

function wrap(p: pino.Logger): Logger {
  return {
    child: (category) => wrap(p.child({ category })),
    debug: (msg, extra) => p.debug(extra ?? {}, msg),
    info: (msg, extra) => p.info(extra ?? {}, msg),
    warn: (msg, extra) => p.warn(extra ?? {}, msg),
    error: (msg, extra) => p.error(extra ?? {}, msg),
  };
}

/**
 * Creates the root logger (JSON lines on stdout, or on the given stream).
 * @param level the minimum level written
 * @param destination where lines go; defaults to stdout
 * @returns the root logger
 */
export function createLogger(
  level: string,
  destination?: pino.DestinationStream
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: { paths: REDACT, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return wrap(destination ? pino(options, destination) : pino(options));
}
