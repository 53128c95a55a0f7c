# The packaged trove-api (trove.cmd.api) with one change: what the API casts to the
# task manager is also written, as one JSON file per message, into $UPSTREAM_SPOOL.
#
# With transport_url = fake:/ a cast goes into an in-memory queue nobody reads. The
# create request's databases, users and backup id exist only in that message (Trove
# keeps none of them in its tables), and the control plane of the local cloud needs them
# to build the instance the way the task manager and the guest agent would.
import json
import os
import sys
import time

import trove.cmd  # noqa: F401  (eventlet monkey patching, before anything else)
from trove.taskmanager import api as taskmanager_api

SPOOL = os.environ['UPSTREAM_SPOOL']
_cast = taskmanager_api.API._cast


def _spooled_cast(self, method_name, version, **kwargs):
    message = {'method': method_name, 'args': kwargs}
    name = '%020d-%s' % (time.time_ns(), method_name)
    tmp = os.path.join(SPOOL, '.' + name)
    with open(tmp, 'w') as f:
        json.dump(message, f, default=str)
    # rename: the reader never sees a half-written message
    os.rename(tmp, os.path.join(SPOOL, name + '.json'))
    return _cast(self, method_name, version, **kwargs)


taskmanager_api.API._cast = _spooled_cast

from trove.cmd.api import main  # noqa: E402

sys.argv[0] = 'trove-api'
sys.exit(main())
