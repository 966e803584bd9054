/** Throwaway X.509 material for TLS tests, made with the openssl CLI (node:crypto cannot issue certificates). */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";

export interface TestCertificates {
  readonly dir: string;
  /** CA that signs the agent's certificate and the controllers' client certificates. */
  readonly caFile: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
  /** A client certificate from another CA (not trusted by the agent). */
  readonly rogueCert: string;
  readonly rogueKey: string;
}

async function openssl(dir: string, args: readonly string[]): Promise<void> {
  await execa("openssl", args, { cwd: dir });
}

async function issue(dir: string, name: string, subject: string, ca: string, extensions: string): Promise<void> {
  await writeFile(join(dir, `${name}.ext`), extensions);
  await openssl(dir, ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", subject]);
  await openssl(dir, ["x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.crt`, "-CAkey", `${ca}.key`, "-CAcreateserial", "-out", `${name}.crt`, "-days", "2", "-extfile", `${name}.ext`]);
}

/** undefined when openssl is missing (the caller skips with that message). */
export async function makeTestCertificates(): Promise<TestCertificates | undefined> {
  const found = await execa("openssl", ["version"], { reject: false }).catch(() => undefined);
  if (found === undefined || found.exitCode !== 0) return undefined;
  const dir = await mkdtemp(join(tmpdir(), "tb-tls-"));
  for (const ca of ["ca", "rogue-ca"]) {
    await openssl(dir, ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", `${ca}.key`, "-out", `${ca}.crt`, "-subj", `/CN=testbench ${ca}`, "-days", "2"]);
  }
  await issue(dir, "server", "/CN=tg-test", "ca", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
  await issue(dir, "client", "/CN=controller-1", "ca", "extendedKeyUsage=clientAuth\n");
  await issue(dir, "rogue", "/CN=intruder", "rogue-ca", "extendedKeyUsage=clientAuth\n");
  return {
    dir,
    caFile: join(dir, "ca.crt"),
    serverCert: join(dir, "server.crt"),
    serverKey: join(dir, "server.key"),
    clientCert: join(dir, "client.crt"),
    clientKey: join(dir, "client.key"),
    rogueCert: join(dir, "rogue.crt"),
    rogueKey: join(dir, "rogue.key"),
  };
}
