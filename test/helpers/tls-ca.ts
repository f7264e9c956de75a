/**
 * A throwaway certificate authority and a server certificate it signed, for 127.0.0.1 and
 * localhost, made with the openssl command-line tool in `dir` (PEM files, keys mode 600).
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestCertificates {
  caFile: string;
  certFile: string;
  keyFile: string;
}

export async function makeTestCertificates(dir: string, name = 'test'): Promise<TestCertificates> {
  const at = (file: string) => path.join(dir, `${name}-${file}`);
  const [caKey, caFile, keyFile, csr, certFile, extensions] = [
    at('ca.key'),
    at('ca.pem'),
    at('server.key'),
    at('server.csr'),
    at('server.pem'),
    at('server.ext'),
  ];
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    caKey,
    '-out',
    caFile,
    '-days',
    '2',
    '-subj',
    `/CN=Deskside ${name} CA`,
  ]);
  await run('openssl', ['req', ...ec, '-keyout', keyFile, '-out', csr, '-subj', '/CN=127.0.0.1']);
  await writeFile(
    extensions,
    'subjectAltName = IP:127.0.0.1, DNS:localhost\nextendedKeyUsage = serverAuth\n',
  );
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    caFile,
    '-CAkey',
    caKey,
    '-CAcreateserial',
    '-out',
    certFile,
    '-days',
    '2',
    '-extfile',
    extensions,
  ]);
  return { caFile, certFile, keyFile };
}
