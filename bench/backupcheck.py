# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
# Times ddd-agent backup, check and restore on one 10,000-file site (1-20 KB random files,
# about 104 MB). Usage: python3 bench/backupcheck.py build/agent/ddd-agent
import io, json, os, random, subprocess, sys, time, urllib.request, zipfile, shutil
AGENT = sys.argv[1]
root = '/tmp/bk/m-root'; out = '/tmp/bk/m-out'
for p in (root, out): shutil.rmtree(p, ignore_errors=True)
os.makedirs(out)
subprocess.run([AGENT, 'user', 'add', 'm@example.com', '--role', 'operator', '--data-dir', root], input=b'correct horse battery\n', check=True)
proc = subprocess.Popen([AGENT, '--data-dir', root, '--api-port', '18931', '--site-port', '18932', '--log-level', 'warning'], stdout=subprocess.PIPE)
time.sleep(3)
def call(method, path, body=None, token=None, ctype='application/json'):
    req = urllib.request.Request('http://127.0.0.1:18931' + path, data=body, method=method)
    req.add_header('Content-Type', ctype)
    if token: req.add_header('Authorization', 'Bearer ' + token)
    return json.loads(urllib.request.urlopen(req, timeout=600).read() or b'{}')
token = call('POST', '/api/v1/auth/login', json.dumps({'email': 'm@example.com', 'password': 'correct horse battery'}).encode())['token']
project = call('POST', '/api/v1/projects', json.dumps({'name': 'Big'}).encode(), token)
buf = io.BytesIO()
rnd = random.Random(1)
total = 0
with zipfile.ZipFile(buf, 'w', zipfile.ZIP_STORED) as z:
    for i in range(10000):
        data = rnd.randbytes(rnd.randint(1000, 20000))
        total += len(data)
        z.writestr(f'd{i % 100}/f{i}.bin', data)
t = time.time()
call('POST', f"/api/v1/projects/{project['id']}/deploys?activate=true", buf.getvalue(), token, 'application/zip')
print(f'deploy of 10000 files ({total/1e6:.1f} MB): {time.time()-t:.2f}s')
def timed(args):
    t = time.time(); r = subprocess.run([AGENT] + args, capture_output=True, text=True); dt = time.time() - t
    print(f"{' '.join(args[:1])}: {dt:.2f}s rc={r.returncode} {r.stdout.strip()[-200:]} {r.stderr.strip()[-200:]}")
timed(['backup', out + '/b', '--data-dir', root])
timed(['check', '--data-dir', root])
timed(['check', '--data-dir', out + '/b'])
proc.terminate(); proc.wait()
timed(['restore', out + '/b', '--data-dir', out + '/restored'])
print(subprocess.run(['du', '-sh', root + '/blobs', out + '/b'], capture_output=True, text=True).stdout)
