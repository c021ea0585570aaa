// noop
