import type { CloudInputs } from '../inputs/cloud.js'
import { HttpClient, type Logger, OpenStackSession, TroveClient } from '../openstack/index.js'

export interface Cloud {
  session: OpenStackSession
  trove: TroveClient
}

/** Wires the typed client from validated inputs: one HTTP client, one session (one token). */
export function connect(inputs: CloudInputs, logger: Logger): Cloud {
  const http = new HttpClient({ timeoutMs: inputs.requestTimeoutMs, logger })
  const session = new OpenStackSession(http, inputs.session)
  return { session, trove: new TroveClient(session) }
}
