#!/usr/bin/env python3
"""Generates the per-service action classes of chaos-dsl from chaos-core's catalog data.

Run from the repository root:  python3 chaos-dsl/src/build/generate.py
The output is checked in; edit this file (not the generated Java) to change the typed API.
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
CATALOG = os.path.join(ROOT, 'chaos-core/src/main/resources/dev/faultline/core/catalog')
# the folder written: the checked-in sources, or the folder given (GeneratedSourcesTest compares the two)
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'chaos-dsl/src/main/java/dev/faultline/dsl')

SERVICES = {
    'fis': ('Fis', 'AWS FIS built-in actions: API fault injection for IAM roles and wait steps.'),
    'arc': ('Arc', 'Amazon Application Recovery Controller actions: zonal autoshift.'),
    'cloudwatch': ('CloudWatch', 'Amazon CloudWatch actions: assert alarm states.'),
    'dynamodb': ('DynamoDb', 'Amazon DynamoDB actions: pause global table replication.'),
    'dsql': ('Dsql', 'Amazon Aurora DSQL actions: connection failures.'),
    'ebs': ('Ebs', 'Amazon EBS actions: pause volume I/O and add I/O latency.'),
    'ec2': ('Ec2', 'Amazon EC2 actions: stop, reboot and terminate instances, Spot interruptions, insufficient capacity errors.'),
    'ecs': ('Ecs', 'Amazon ECS actions: drain container instances, stop tasks, and stress, kill and network faults inside tasks.'),
    'eks': ('Eks', 'Amazon EKS actions: pod faults, node group terminations and Kubernetes custom resources.'),
    'elasticache': ('ElastiCache', 'Amazon ElastiCache actions: interrupt the power of an Availability Zone.'),
    'kinesis': ('Kinesis', 'Amazon Kinesis Data Streams actions: API errors on streams.'),
    'lambda': ('Lambda', 'AWS Lambda actions: invocation delays, errors and HTTP responses.'),
    'memorydb': ('MemoryDb', 'Amazon MemoryDB actions: pause multi-Region cluster replication.'),
    'network': ('Network', 'Network actions: disrupt subnet connectivity, cross-Region routes, transit gateways and VPC endpoints.'),
    'rds': ('Rds', 'Amazon RDS and Aurora actions: cluster failover and instance reboot.'),
    's3': ('S3', 'Amazon S3 actions: pause bucket replication.'),
    'ssm': ('Ssm', 'AWS Systems Manager actions: run commands (typed for the AWSFIS-Run documents) and automations.'),
    'directconnect': ('DirectConnect', 'AWS Direct Connect actions: disconnect virtual interfaces.'),
}

MARKERS = {
    'aws:arc:zonal-shift-managed-resource': 'ZonalShiftManagedResource',
    'aws:directconnect:virtual-interface': 'DirectConnectVirtualInterface',
    'aws:dsql:cluster': 'DsqlCluster',
    'aws:dynamodb:global-table': 'DynamoDbGlobalTable',
    'aws:ec2:autoscaling-group': 'AutoScalingGroup',
    'aws:ec2:ebs-volume': 'EbsVolume',
    'aws:ec2:instance': 'Ec2Instance',
    'aws:ec2:spot-instance': 'SpotInstance',
    'aws:ec2:subnet': 'Subnet',
    'aws:ec2:transit-gateway': 'TransitGateway',
    'aws:ec2:vpc-endpoint': 'VpcEndpoint',
    'aws:ecs:cluster': 'EcsCluster',
    'aws:ecs:task': 'EcsTask',
    'aws:eks:cluster': 'EksCluster',
    'aws:eks:nodegroup': 'EksNodegroup',
    'aws:eks:pod': 'EksPod',
    'aws:elasticache:replicationgroup': 'ElastiCacheReplicationGroup',
    'aws:elasticache:redis-replicationgroup': 'RedisReplicationGroup',
    'aws:iam:role': 'IamRole',
    'aws:kinesis:stream': 'KinesisStream',
    'aws:lambda:function': 'LambdaFunction',
    'aws:memorydb:multi-region-cluster': 'MemoryDbMultiRegionCluster',
    'aws:rds:cluster': 'RdsCluster',
    'aws:rds:db': 'RdsInstance',
    'aws:s3:bucket': 'S3Bucket',
}

# (service, parameter) -> enum; shared enums are top-level types.
SHARED_ENUMS = {'trafficType': 'TrafficType', 'protocol': 'Protocol', 'signal': 'Signal',
                'TrafficType': 'TrafficType', 'Protocol': 'Protocol', 'Signal': 'Signal'}
NESTED_ENUMS = {
    ('fis', 'service'): 'ApiService',
    ('arc', 'zonalAutoshiftStatus'): 'AutoshiftStatus',
    ('arc', 'managedResourceTypes'): 'ManagedResourceType',
    ('cloudwatch', 'alarmStates'): 'AlarmState',
    ('eks', 'fisPodSecurityPolicy'): 'PodSecurityPolicy',
    ('eks', 'kubernetesApiVersion'): 'KubernetesApiVersion',
    ('eks', 'kubernetesKind'): 'KubernetesKind',
    ('network', 'scope'): 'Scope',
    ('kinesis', 'service'): 'ApiService',
}
ENUM_DOCS = {
    'TrafficType': 'The direction of the traffic a network fault affects.',
    'Protocol': 'The network protocol a blackhole fault blocks.',
    'Signal': 'The signal a kill-process fault sends.',
    'ApiService': 'The AWS service whose API calls get the fault.',
    'AutoshiftStatus': 'Which managed resources a zonal autoshift selects, by their autoshift status.',
    'ManagedResourceType': 'A kind of resource a zonal autoshift moves traffic away from.',
    'AlarmState': 'A CloudWatch alarm state.',
    'PodSecurityPolicy': 'The Pod Security Standard the FIS fault-orchestration pod complies with.',
    'KubernetesApiVersion': 'The API version of a Kubernetes chaos custom resource.',
    'KubernetesKind': 'The kind of a Kubernetes chaos custom resource (Chaos Mesh or Litmus).',
    'Scope': 'Which traffic a connectivity disruption blocks.',
}
METHOD_RENAMES = {
    'aws:elasticache:replicationgroup-interrupt-az-power': 'interruptAzPower',
    'aws:elasticache:interrupt-cluster-az-power': 'interruptClusterAzPower',
    'aws:dynamodb:global-table-pause-replication': 'pauseGlobalTableReplication',
    'aws:memorydb:multi-region-cluster-pause-replication': 'pauseMultiRegionClusterReplication',
    'aws:s3:bucket-pause-replication': 'pauseBucketReplication',
    'aws:dsql:cluster-connection-failure': 'clusterConnectionFailure',
    'aws:rds:failover-db-cluster': 'failoverDbCluster',
    'aws:directconnect:virtual-interface-disconnect': 'disconnectVirtualInterface',
}
PARAM_RENAMES = {
    ('aws:ec2:stop-instances', 'startInstancesAfterDuration'): 'restartAfter',
    ('aws:eks:pod-network-latency', 'interface'): 'networkInterfaces',
    ('aws:eks:pod-network-packet-loss', 'interface'): 'networkInterfaces',
}

DOC_PARAM_RENAMES = {'Interface': 'networkInterface', 'CPU': 'cpu'}


def doc_class(name):
    rest = name[len('AWSFIS-Run-'):]
    return ''.join(p[:1].upper() + p[1:].lower() for p in rest.split('-'))


def gen_documents(docs):
    out = []
    ssm_send = []
    for d in docs:
        params = d.get('parameters', [])
        if not params:
            continue
        leaf = doc_class(d['name'])
        factory = 'run' + leaf
        req = [p for p in params if p.get('required') and p['name'] != 'DurationSeconds']
        opt = [p for p in params if not p.get('required') and p['name'] != 'DurationSeconds']
        args, sets, pdocs = [], [], []
        def jtype(p, required):
            t = p['type']
            if t in ('integer', 'percent'):
                return 'int'
            if t == 'boolean':
                return 'boolean'
            if t == 'enum':
                return SHARED_ENUMS[p['name']]
            if t == 'list':
                return 'String...'
            return 'String'
        def setter(p, var):
            t = p['type']
            n = p['name']
            if t in ('integer', 'percent'):
                return f'setInteger("{n}", {var})'
            if t == 'boolean':
                return f'setBoolean("{n}", {var})'
            if t == 'enum':
                return f'set("{n}", Objects.requireNonNull({var}, "{var}").wireName())'
            if t == 'list':
                return f'setList("{n}", Arrays.asList({var}))'
            return f'setText("{n}", {var})'
        for i, p in enumerate(req):
            var = DOC_PARAM_RENAMES.get(p['name'], p['name'][:1].lower() + p['name'][1:])
            jt = jtype(p, True)
            if jt.endswith('...') and i != len(req) - 1:
                jt = 'List<String>'
            args.append(f'{jt} {var}')
            sets.append('.' + setter(p, var).replace('Arrays.asList(' + var + ')', var if jt.startswith('List') else 'Arrays.asList(' + var + ')'))
            desc = no_commas(p["description"]) if p['type'] == 'list' else p["description"]
            pdocs.append(f'     * @param {var} {esc(lc(desc).rstrip("."))}{esc(range_text(p))}'
                         + (', one per item' if p['type'] == 'list' else ''))
        out.append('    /**')
        out.append(f'     * The {{@code {d["name"]}}} document, for {{@link #sendCommand(Target, String, RunDocument, Duration)}}: '
                   + esc(lc(d['description'])))
        out.append('     *')
        out.extend(pdocs)
        out.append('     * @return the document, with its optional parameters as methods')
        if req:
            out.append('     * @throws IllegalArgumentException if an argument is outside the range the catalog gives')
        out.append('     */')
        out.append(f'    public static {leaf} {factory}({", ".join(args)}) {{')
        out.append(f'        return new {leaf}(Map.of())' + ''.join('\n                ' + c for c in sets) + ';')
        out.append('    }')
        out.append('')
        out.append(f'    /** The {{@code {d["name"]}}} document with its optional parameters; an immutable step. */')
        out.append(f'    public static final class {leaf} extends RunDocument<{leaf}> {{')
        out.append('')
        out.append(f'        private {leaf}(Map<String, String> parameters) {{')
        out.append(f'            super("{d["name"]}", parameters);')
        out.append('        }')
        out.append('')
        out.append('        @Override')
        out.append(f'        {leaf} with(Map<String, String> changed) {{')
        out.append(f'            return new {leaf}(changed);')
        out.append('        }')
        for p in opt:
            m = DOC_PARAM_RENAMES.get(p['name'], p['name'][:1].lower() + p['name'][1:])
            jt = jtype(p, False)
            var = 'values' if jt.endswith('...') else 'value'
            dsc = p['description']
            out.append('')
            out.append('        /**')
            out.append(f'         * Sets {{@code {p["name"]}}}: {esc(lc(dsc).rstrip("."))}{esc(range_text(p))}'
                       + (f'; default {{@code {esc(p["default"])}}}' if 'default' in p else '') + '.')
            out.append('         *')
            out.append(f'         * @param {var} the {var}')
            out.append('         * @return a new document step')
            if p['type'] in ('integer', 'percent'):
                out.append('         * @throws IllegalArgumentException if the value is outside the range the catalog gives')
            out.append('         */')
            out.append(f'        public {leaf} {m}({jt} {var}) {{')
            out.append(f'            return {setter(p, var)};')
            out.append('        }')
        out.append('    }')
        out.append('')
    out.append(SEND_TYPED)
    return '\n'.join(out)

SEND_TYPED = '''    /**
     * The {@code aws:ssm:send-command} action with one of the {@code AWSFIS-Run-*} documents:
     * the document ARN is the document's in the Region, and {@code DurationSeconds} is the
     * action's duration unless the document sets it.
     *
     * <pre>{@code
     * Ssm.sendCommand(instances, "us-east-1", Ssm.runCpuStress().loadPercent(80), Duration.ofMinutes(5))
     * }</pre>
     *
     * @param instances the aws:ec2:instance target, under the target key {@code Instances}
     * @param region the Region of the document ARN, for example {@code us-east-1}
     * @param document the document with its parameters
     * @param duration how long the action runs (PT1M to PT12H)
     * @return the action, to name in {@code experiment(..).action(name, ..)}
     * @throws IllegalArgumentException if the duration is outside the range the catalog gives
     */
    public static SendCommand sendCommand(Target<Ec2Instance> instances, String region, RunDocument<?> document,
            Duration duration) {
        Objects.requireNonNull(document, "document");
        String arn = document.documentArn(region);
        return sendCommand(instances, arn, duration)
                .documentParameters(document.documentParameters(duration));
    }
'''

def camel(s):
    parts = re.split(r'[-_/.]', s)
    return parts[0] + ''.join(p[:1].upper() + p[1:] for p in parts[1:])

def pascal(s):
    c = camel(s)
    return c[:1].upper() + c[1:]

def constant(v):
    special = {'chaos-mesh.org/v1alpha1': 'CHAOS_MESH_V1ALPHA1', 'litmuschaos.io/v1alpha1': 'LITMUS_V1ALPHA1'}
    if v in special:
        return special[v]
    s = re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', v)
    s = re.sub(r'([A-Z]+)([A-Z][a-z])', r'\1_\2', s)
    return re.sub(r'[^A-Za-z0-9]+', '_', s).upper().strip('_')

PROPER = ('Availability', 'Amazon', 'Kubernetes', 'Region', 'Lambda', 'Spot', 'Auto Scaling', 'Aurora',
          'DynamoDB', 'ElastiCache', 'MemoryDB', 'Direct Connect', 'Content-Type', 'Pod Security')

def lc(s):
    if s.startswith(PROPER):
        return s
    return s[0].lower() + s[1:] if len(s) > 1 and s[1].islower() else s

def no_commas(s):
    s = re.sub(r'\s*\(comma-separated\)', '', s)
    s = re.sub(r'\s*\(comma-separated, (max \d+)\)', r' (\1)', s)
    s = re.sub(r', comma-separated', '', s)
    s = re.sub(r'comma-separated(, |; )', '', s)
    s = re.sub(r' \(comma-separated, no spaces\)', '', s)
    s = re.sub(r'\s*\(\)', '', s)
    return s

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('@', '{@literal @}')

HEADER = '// Generated by chaos-dsl/src/build/generate.py from chaos-core\'s catalog; edit the generator, not this file.\n'

def enum_source(name, values, doc, nested):
    ind = '    ' if nested else ''
    mod = 'public enum' if nested else 'public enum'
    lines = []
    lines.append(f'{ind}/** {doc} */')
    lines.append(f'{ind}{mod} {name} {{')
    consts = []
    for v in values:
        consts.append(f'{ind}    /** {{@code {v}}}. */\n{ind}    {constant(v)}("{v}")')
    lines.append(',\n'.join(consts) + ';')
    lines.append('')
    lines.append(f'{ind}    private final String wireName;')
    lines.append('')
    lines.append(f'{ind}    {name}(String wireName) {{')
    lines.append(f'{ind}        this.wireName = wireName;')
    lines.append(f'{ind}    }}')
    lines.append('')
    lines.append(f'{ind}    /**')
    lines.append(f'{ind}     * The value as FIS writes it.')
    lines.append(f'{ind}     *')
    lines.append(f'{ind}     * @return the wire value')
    lines.append(f'{ind}     */')
    lines.append(f'{ind}    public String wireName() {{')
    lines.append(f'{ind}        return wireName;')
    lines.append(f'{ind}    }}')
    lines.append(f'{ind}}}')
    return '\n'.join(lines)

def enum_for(service, pname):
    if pname in SHARED_ENUMS:
        return SHARED_ENUMS[pname], True
    n = NESTED_ENUMS.get((service, pname))
    if n is None:
        raise SystemExit(f'no enum name for {service}.{pname}')
    return n, False

def range_text(p):
    if p['type'] == 'duration':
        return f" ({p.get('durationMin','?')} to {p.get('durationMax','?')})"
    if 'min' in p or 'max' in p:
        lo = p.get('min', '')
        hi = p.get('max', '')
        return f" ({lo} to {hi})" if hi != '' else f" (at least {lo})"
    return ''

def java_type(service, p, required):
    t = p['type']
    if t == 'duration':
        return 'Duration'
    if t in ('integer', 'percent'):
        return 'int'
    if t == 'number':
        return 'double'
    if t == 'boolean':
        return 'boolean'
    if t == 'enum':
        return enum_for(service, p['name'])[0]
    if t == 'list':
        if p.get('itemValues'):
            e = enum_for(service, p['name'])[0]
            return f'List<{e}>' if required else f'{e}...'
        return 'List<String>' if required else 'String...'
    return 'String'

def setter_call(service, p, var, action_var='data'):
    t = p['type']
    n = p['name']
    if t == 'duration':
        return f'withDuration("{n}", {var})'
    if t in ('integer', 'percent'):
        return f'withInteger("{n}", {var})'
    if t == 'number':
        return f'withNumber("{n}", {var})'
    if t == 'boolean':
        return f'withBoolean("{n}", {var})'
    if t == 'enum':
        return f'withText("{n}", Objects.requireNonNull({var}, "{var}").wireName())'
    if t == 'list':
        if p.get('itemValues'):
            return f'withList("{n}", wireNames({var}))'
        return f'withList("{n}", {"List.of(" + var + ")" if not var.startswith("List") else var})'
    if t == 'json':
        return f'withJson("{n}", {var})'
    return f'withText("{n}", {var})'

def list_arg(service, p, var, required):
    if p['type'] == 'list':
        if p.get('itemValues'):
            en = enum_for(service, p['name'])[0]
            src = f'{var}.stream()' if required else f'Arrays.stream({var})'
            return (f'withList("{p["name"]}", {src}.map({en}::wireName)'
                    f'.collect(Collectors.toList()))')
        if required:
            return f'withList("{p["name"]}", {var})'
        return f'withList("{p["name"]}", Arrays.asList({var}))'
    return setter_call(service, p, var)

def gen_service(service, actions, extra):
    cls, doc = SERVICES[service]
    enums = {}
    body = []
    needs = set()
    for a in actions:
        aid = a['id']
        name = aid.split(':', 2)[2]
        method = METHOD_RENAMES.get(aid, camel(name))
        leaf = method[:1].upper() + method[1:]
        params = a.get('parameters', [])
        req = [p for p in params if p.get('required')]
        req = [p for p in req if p['type'] != 'duration'] + [p for p in req if p['type'] == 'duration']
        opt = [p for p in params if not p.get('required')]
        for p in params:
            if p['type'] == 'enum' or (p['type'] == 'list' and p.get('itemValues')):
                en, shared = enum_for(service, p['name'])
                if not shared:
                    vals = p.get('values') or p.get('itemValues')
                    enums[en] = vals
        deprecated = a.get('deprecated', False)
        targets = a.get('targets', {})
        args = []
        calls = []
        tdocs = []
        for key, types in targets.items():
            marker = MARKERS[types[0]]
            var = key[:1].lower() + key[1:]
            if var == 'vPCEndpoints':
                var = 'vpcEndpoints'
            if var == 'dBInstances':
                var = 'dbInstances'
            args.append(f'Target<{marker}> {var}')
            calls.append(f'.withTarget("{key}", Target.dataOf({var}, "{var}"))')
            tdocs.append(f'     * @param {var} the {esc(types[0])} target, under the target key {{@code {key}}}')
        pdocs = []
        for p in req:
            var = camel(p['name'])
            jt = java_type(service, p, True)
            args.append(f'{jt} {var}')
            calls.append('.' + list_arg(service, p, var, True))
            desc = no_commas(p["description"]) if p['type'] == 'list' else p["description"]
            pdocs.append(f'     * @param {var} {esc(lc(desc).rstrip("."))}{esc(range_text(p))}'
                         + (', one per item' if p['type'] == 'list' else ''))
        body.append('    /**')
        body.append(f'     * The {{@code {aid}}} action: {esc(lc(a["description"]))}')
        body.append('     *')
        body.extend(tdocs)
        body.extend(pdocs)
        body.append(f'     * @return the action, to name in {{@code experiment(..).action(name, ..)}}')
        if req:
            body.append('     * @throws IllegalArgumentException if an argument is outside the range the catalog gives')
        if deprecated:
            body.append(f'     * @deprecated FIS documents {{@code {a.get("replacedBy")}}} instead; use that action')
        body.append('     */')
        if deprecated:
            body.append('    @Deprecated')
        body.append(f'    public static {leaf} {method}({", ".join(args)}) {{')
        body.append(f'        return new {leaf}(ActionData.of("{aid}")' + ''.join('\n                ' + c for c in calls) + ');')
        body.append('    }')
        body.append('')
        body.append(f'    /** The {{@code {aid}}} action, with its optional parameters; an immutable step. */')
        if deprecated:
            body.append('    @Deprecated')
        body.append(f'    public static final class {leaf} extends FaultAction<{leaf}> {{')
        body.append('')
        body.append(f'        private {leaf}(ActionData data) {{')
        body.append('            super(data);')
        body.append('        }')
        body.append('')
        body.append('        @Override')
        body.append(f'        {leaf} with(ActionData data) {{')
        body.append(f'            return new {leaf}(data);')
        body.append('        }')
        for p in opt:
            m = PARAM_RENAMES.get((aid, p['name']), camel(p['name']))
            jt = java_type(service, p, False)
            var = 'values' if jt.endswith('...') else 'value'
            body.append('')
            body.append('        /**')
            d = no_commas(p['description']) if p['type'] == 'list' else p['description']
            body.append(f'         * Sets {{@code {p["name"]}}}: {esc(lc(d).rstrip("."))}{esc(range_text(p))}'
                        + (f'; FIS default {{@code {esc(p["default"])}}}' if 'default' in p else '') + '.')
            body.append('         *')
            body.append(f'         * @param {var} the {"values" if var == "values" else "value"}')
            body.append('         * @return a new step with the parameter set')
            if p['type'] in ('duration', 'integer', 'percent', 'number') or p.get('maxItems'):
                body.append('         * @throws IllegalArgumentException if the value is outside the range the catalog gives')
            body.append('         */')
            body.append(f'        public {leaf} {m}({jt} {var}) {{')
            body.append(f'            return with(data().{list_arg(service, p, var, False)});')
            body.append('        }')
        body.append('    }')
        body.append('')
    src = []
    src.append(HEADER + f'package dev.faultline.dsl;\n')
    src.append('IMPORTS\n')
    src.append('/**')
    src.append(f' * {doc}')
    src.append(' *')
    src.append(' * <p>Each static method makes one typed action; the optional parameters are methods of')
    src.append(' * the step it returns. Arguments are checked against the catalog\'s ranges at the call.')
    src.append(' */')
    src.append(f'public final class {cls} {{')
    src.append('')
    src.append(f'    private {cls}() {{}}')
    src.append('')
    for en, vals in enums.items():
        src.append(enum_source(en, vals, ENUM_DOCS[en], True))
        src.append('')
    src.extend(body)
    if extra:
        src.append(extra)
    src.append('}')
    text = '\n'.join(src).rstrip() + '\n'
    text = re.sub(r'\n\n+}\n$', '\n}\n', text)
    imports = []
    if 'ActionData' in text: imports.append('dev.faultline.dsl.internal.ActionData')
    if 'Duration' in text: imports.append('java.time.Duration')
    if 'Arrays.' in text: imports.append('java.util.Arrays')
    if 'List<' in text or 'List.of' in text: imports.append('java.util.List')
    if 'Objects.' in text: imports.append('java.util.Objects')
    if 'Map<' in text: imports.append('java.util.Map')
    if 'Collectors.' in text: imports.append('java.util.stream.Collectors')
    text = text.replace('IMPORTS\n', ''.join(f'import {i};\n' for i in sorted(imports)))
    with open(os.path.join(OUT, cls + '.java'), 'w') as f:
        f.write(text)

def main():
    actions = json.load(open(os.path.join(CATALOG, 'actions.json')))['actions']
    by = {}
    for a in actions:
        by.setdefault(a['id'].split(':')[1], []).append(a)
    shared = {}
    for a in actions:
        for p in a.get('parameters', []):
            if p['name'] in SHARED_ENUMS and p['type'] == 'enum':
                shared.setdefault(SHARED_ENUMS[p['name']], set()).update(p['values'])
    docs = json.load(open(os.path.join(CATALOG, 'ssm-documents.json')))['documents']
    for d in docs:
        for p in d.get('parameters', []):
            if p['name'] in SHARED_ENUMS and p['type'] == 'enum':
                shared.setdefault(SHARED_ENUMS[p['name']], set()).update(p['values'])
    order = {'TrafficType': ['ingress', 'egress'], 'Protocol': ['tcp', 'udp'], 'Signal': ['SIGTERM', 'SIGKILL']}
    for en, vals in shared.items():
        assert set(order[en]) == vals, (en, vals)
        with open(os.path.join(OUT, en + '.java'), 'w') as f:
            f.write(HEADER + 'package dev.faultline.dsl;\n\n' + enum_source(en, order[en], ENUM_DOCS[en], False) + '\n')
    extras = {'ssm': gen_documents(docs)}
    for service in SERVICES:
        gen_service(service, by.get(service, []), extras.get(service))

main()
