import {
  type Activity,
  type InvokeResponse,
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  INVOKE_RESPONSE_KEY,
  TurnContext,
} from 'botbuilder';
import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';

import type { BotConfig } from '../src/config/env';
import type { Logger } from '../src/logging/logger';

/**
 * Builds the CloudAdapter. With an app id, replies get their tokens from an MSAL confidential
 * client (the network module is replaceable so tests can point it at a loopback login server);
 * without one the adapter runs anonymously, as botbuilder does for local testing.
 * @param config bot settings in botbuilder's variable names
 * @param log logger for turn errors
 * @param networkClient optional MSAL network module
 * @returns the adapter with its turn-error handler installed
 */
/** CloudAdapter that lets the server run one already-parsed activity with its own HTTP handling. */
export class AppCloudAdapter extends CloudAdapter {
  /**
   * Authenticates the request and runs the bot for one activity.
   * @returns the invoke response, if the activity was an invoke
   * @throws the connector's authentication errors for unsigned or wrongly signed requests
   */
  runActivity(
    authHeader: string,
    activity: Activity,
    logic: (ctx: TurnContext) => Promise<void>
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export function createAdapter(config: BotConfig, log: Logger, networkClient?: INetworkModule): AppCloudAdapter {
  const settings = Object.fromEntries(
    Object.entries(config.authSettings).filter(([, v]) => v !== undefined)
  ) as ConfigurationBotFrameworkAuthenticationOptions;
  let credentials: MsalServiceClientCredentialsFactory | undefined;
  if (config.appId && config.appPassword) {
    const tenant = config.appType === 'SingleTenant' ? config.appTenantId : 'botframework.com';
    const authority = config.authSettings.ToChannelFromBotLoginUrl ?? `https://login.microsoftonline.com/${tenant}`;
    const msal = new ConfidentialClientApplication({
      auth: { clientId: config.appId, clientSecret: config.appPassword, authority: String(authority) },
      system: networkClient ? { networkClient } : undefined,
    });
    credentials = new MsalServiceClientCredentialsFactory(config.appId, msal);
  }
  const adapter = new AppCloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, credentials));
  adapter.onTurnError = async (ctx: TurnContext, error: Error) => {
    log.error('bot turn failed', {
      activityType: ctx.activity.type,
      conversationId: ctx.activity.conversation?.id,
      err: { name: error.name, stack: error.stack },
    });
    if (ctx.activity.type === ActivityTypes.Message) {
      await ctx
        .sendActivity('Sorry, something went wrong on our side and nothing was saved from that step. Please try again.')
        .catch(() => undefined);
    } else if (ctx.activity.type === ActivityTypes.Invoke) {
      ctx.turnState.set(INVOKE_RESPONSE_KEY, {
        type: 'invokeResponse',
        value: {
          status: 200,
          body: {
            statusCode: 500,
            type: 'application/vnd.microsoft.error',
            value: { code: 'InternalError', message: 'Something went wrong. Please try again.' },
          },
        },
      });
    }
  };
  return adapter;
}
