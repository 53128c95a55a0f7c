import { post } from './host/action/post.js'

await post()
