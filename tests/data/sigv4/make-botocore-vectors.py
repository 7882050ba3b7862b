# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
#
# Generates tests/data/sigv4/botocore-s3.json: S3 requests signed by botocore's
# S3SigV4Auth (the signer of the AWS CLI), for cases the published vectors lack.
import datetime, json, sys, types
from unittest import mock
from urllib.parse import quote
from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

creds = Credentials('AKIAEXAMPLEDDD', 'ddd/secret+EXAMPLE/key')
when = datetime.datetime(2026, 12, 4, 12, 30, 45, tzinfo=datetime.timezone.utc)
cases = [  # name, method, key path (raw), query (as sent), extra headers, payload signed?
    ('unsigned-conditional-put', 'PUT', '/bucket/blobs/ab/abcdef', '', {'If-None-Match': '*'}, False),
    ('key-with-space-and-utf8', 'GET', '/bucket/a b/\u00fc\u00e9.txt', '', {}, True),
    ('key-with-reserved', 'GET', "/bucket/k!'()*@:,;=&$+", '', {}, True),
    ('tilde-dots-and-double-slashes', 'GET', '/bucket/~user/./x/../y//z', '', {}, True),
    ('multipart-start', 'POST', '/bucket/big', 'uploads', {}, True),
    ('multipart-part', 'PUT', '/bucket/big', 'partNumber=3&uploadId=2~Abc.Def_gh-1', {}, False),
    ('list-v2', 'GET', '/bucket', 'list-type=2&prefix=blobs%2Fab%2F&continuation-token=a%2Bb%3D%3D&max-keys=1000', {}, True),
    ('range-get', 'GET', '/bucket/blob', '', {'Range': 'bytes=100-199'}, True),
]
out = []
for name, method, path, query, headers, signPayload in cases:
    sent = quote(path, safe='/~') + ('?' + query if query else '')
    req = AWSRequest(method=method, url='http://127.0.0.1:7480' + sent, headers=dict(headers), data=b'')
    req.context['client_config'] = types.SimpleNamespace(s3={'payload_signing_enabled': signPayload})
    auth = S3SigV4Auth(creds, 's3', 'us-east-1')
    seen = {}
    original = auth.canonical_request
    auth.canonical_request = lambda r: seen.setdefault('creq', original(r))
    with mock.patch('botocore.auth.get_current_datetime', return_value=when):
        auth.add_auth(req)
    out.append({'name': name, 'method': method, 'uri': sent,
                'headers': [['Host', '127.0.0.1:7480']] + [[k, v] for k, v in req.headers.items() if k != 'Authorization'],
                'payloadHash': req.headers['X-Amz-Content-SHA256'],
                'canonicalRequest': seen['creq'],
                'signature': req.headers['Authorization'].rsplit('Signature=', 1)[1]})
json.dump({'credentials': {'accessKeyId': creds.access_key, 'secretAccessKey': creds.secret_key},
           'region': 'us-east-1', 'service': 's3', 'cases': out}, sys.stdout, indent=1, ensure_ascii=False)
