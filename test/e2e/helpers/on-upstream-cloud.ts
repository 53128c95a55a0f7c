// The e2e-upstream project's setup: every test file in it starts the upstream cloud (the
// real Keystone and trove-api, test/localcloud/upstream) where the e2e project starts the
// double. The product's processes inherit the setting with the rest of the environment.
process.env.LOCALCLOUD_KIND = 'upstream'
