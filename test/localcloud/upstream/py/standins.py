# Stand-ins for the services the real trove-api calls synchronously while it answers a
# request: Nova, Neutron, Cinder, Glance, Swift and the guest agent. trove.conf names
# them through Trove's own options (remote_nova_client = standins.nova_client, ...), so
# everything Trove does itself stays upstream code: routing, schema validation, policy,
# keystonemiddleware, quotas, models, views, paging and error bodies.
#
# They answer from Trove's own tables (every instance row has a "server"), and from two
# files the local cloud's control plane keeps up to date:
#   $UPSTREAM_ADDRESSES  {"<instance id>": "127.x.y.z"}  the address of each instance
#   $UPSTREAM_FLAVORS    [{"id", "name", "ram", "vcpus"}] the cloud's flavors
import json
import os


def _read_json(env, default):
    path = os.environ.get(env)
    if not path or not os.path.exists(path):
        return default
    with open(path) as f:
        return json.load(f)


def _live_rows():
    # imported late: this module is loaded while Trove's own modules are still loading
    from trove.instance.models import DBInstance
    return DBInstance.find_all(deleted=False).all()


class _Record(dict):
    """A dict that also answers attribute access, as the python-*client objects do."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)


def _not_found(what):
    from novaclient import exceptions
    return exceptions.NotFound(404, message='%s could not be found' % what)


# --- Nova -----------------------------------------------------------------------------

def _server_of(row):
    if row.task_status.action == 'BUILDING':
        status = 'BUILD'
    else:
        status = row.server_status or 'ACTIVE'
    return _Record(id=row.compute_instance_id, name=row.name, status=status,
                   flavor={'id': row.flavor_id}, addresses={}, networks={},
                   host='upstream-localcloud', tenant_id=row.tenant_id)


class _Servers:
    def list(self, *args, **kwargs):
        return [_server_of(r) for r in _live_rows() if r.compute_instance_id]

    def get(self, server_id):
        for row in _live_rows():
            if row.compute_instance_id and row.compute_instance_id == server_id:
                return _server_of(row)
        raise _not_found('server %s' % server_id)

    def delete(self, *args, **kwargs):
        return None


class _Flavors:
    def _all(self):
        return {f['id']: f for f in _read_json('UPSTREAM_FLAVORS', [])}

    def _record(self, f):
        return _Record(id=f['id'], name=f['name'], ram=f['ram'], vcpus=f['vcpus'], disk=0,
                       ephemeral=0, **{'OS-FLV-EXT-DATA:ephemeral': 0})

    def get(self, flavor_id):
        f = self._all().get(flavor_id)
        if f is None:
            raise _not_found('flavor %s' % flavor_id)
        return self._record(f)

    def list(self, *args, **kwargs):
        return [self._record(f) for f in self._all().values()]


class _ServerGroups:
    # Trove looks up each instance's server group on show; this cloud makes none.
    def list(self, *args, **kwargs):
        return []


class _Nova:
    def __init__(self):
        self.servers = _Servers()
        self.flavors = _Flavors()
        self.server_groups = _ServerGroups()


def nova_client(context, region_name=None, **kwargs):
    return _Nova()


# --- Neutron: one port per instance, on the address the control plane gave it ----------

class _Neutron:
    def list_ports(self, device_id=None, **kwargs):
        addresses = _read_json('UPSTREAM_ADDRESSES', {})
        for row in _live_rows():
            if row.compute_instance_id and row.compute_instance_id == device_id:
                ip = addresses.get(row.id)
                if not ip:
                    return {'ports': []}
                return {'ports': [{'id': 'port-' + row.id, 'network_id': 'localcloud-net',
                                   'fixed_ips': [{'ip_address': ip}]}]}
        return {'ports': []}

    def list_floatingips(self, **kwargs):
        return {'floatingips': []}

    def show_network(self, network_id, **kwargs):
        return {'network': {'id': network_id, 'subnets': []}}

    def __getattr__(self, name):
        return lambda *args, **kwargs: {}


def neutron_client(context, region_name=None, **kwargs):
    return _Neutron()


# --- Glance: one active image for every datastore ---------------------------------------

class _Images:
    IMAGE = '0c0c0c0c-0000-4000-8000-00000000beef'

    def get(self, image_id):
        return _Record(id=image_id, status='active')

    def list(self, *args, **kwargs):
        return [_Record(id=self.IMAGE, status='active')]


class _Glance:
    images = _Images()


def glance_client(context, region_name=None, **kwargs):
    return _Glance()


# --- Cinder: Trove makes a client on every create, uses it only for replicas ------------

class _Nothing:
    def __getattr__(self, name):
        return _Nothing()

    def __call__(self, *args, **kwargs):
        return _Nothing()

    def __iter__(self):
        return iter([])


def cinder_client(context, region_name=None, **kwargs):
    return _Nothing()


# --- Swift: the token check and the restore's checksum check ----------------------------

class _Swift:
    def get_account(self, *args, **kwargs):
        return ({}, [])

    def head_object(self, container, obj, *args, **kwargs):
        # The control plane stores the md5 of the uploaded object as the row's checksum,
        # which is what Swift's etag is for an object uploaded in one piece.
        from trove.backup.models import DBBackup
        suffix = '/%s/%s' % (container, obj)
        for b in DBBackup.find_all(deleted=False).all():
            if b.location and b.location.endswith(suffix):
                return {'etag': '"%s"' % (b.checksum or '')}
        from swiftclient.exceptions import ClientException
        raise ClientException('Object HEAD failed', http_status=404)


def swift_client(context, region_name=None, **kwargs):
    return _Swift()


# --- the guest agent's synchronous calls -------------------------------------------------

class _Guest:
    def __init__(self, instance_id):
        self.instance_id = instance_id

    def get_volume_info(self):
        return {'used': 0.1, 'total': 1.0}

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


def guest_client(context, id, manager=None):
    return _Guest(id)
