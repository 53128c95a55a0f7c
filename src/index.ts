import { run } from './host/action/main.js'

await run()
