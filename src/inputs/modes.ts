/** The action's modes: the values the `mode` input takes. */
export const MODES = ['backup', 'verify', 'restore', 'report', 'mirror', 'sweep', 'list'] as const
export type Mode = (typeof MODES)[number]

/** The modes that can leave a temporary instance behind for the post step to delete. */
export const MODES_WITH_TEMPORARY_INSTANCES: readonly Mode[] = ['verify', 'mirror']
