# trove-manage of Debian 12's trove (Zed) calls inspect.getargspec, which Python 3.11
# removed (AttributeError at every command). getfullargspec returns a superset with the
# same `args` field, which is all trove-manage reads; then the packaged entry point runs.
import inspect
import sys

inspect.getargspec = inspect.getfullargspec

from trove.cmd.manage import main  # noqa: E402

sys.argv[0] = 'trove-manage'
sys.exit(main())
