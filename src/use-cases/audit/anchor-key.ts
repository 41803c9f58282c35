import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AppError } from '../../core/errors.ts';

/** The Ed25519 key that signs audit anchors: kept in a file the database does not hold. */
export interface AnchorSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex digits of SHA-256 of the public key (DER): printed on every anchor. */
  keyId: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

function readPem(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : '无法读取';
    throw new AppError('INVALID_INPUT', `${what}“${file}”${reason}`);
  }
}

function requireEd25519(key: KeyObject, file: string, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AppError(
      'INVALID_INPUT',
      `${what}“${file}”不是 Ed25519 密钥（请用 gongkai audit keygen 生成）`,
    );
  }
  return key;
}

/** The private key in `file` (PKCS#8 PEM, as `gongkai audit keygen` writes it). Throws INVALID_INPUT. */
export function readAnchorSigningKey(file: string): AnchorSigningKey {
  const what = '审计锚点签名私钥文件';
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readPem(file, what));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INVALID_INPUT', `${what}“${file}”不是 PEM 格式的私钥`);
  }
  requireEd25519(privateKey, file, what);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** The public key in `file` (SPKI PEM; a private key file gives its public key). Throws INVALID_INPUT. */
export function readAnchorPublicKey(file: string): KeyObject {
  const what = '审计锚点公钥文件';
  try {
    return requireEd25519(createPublicKey(readPem(file, what)), file, what);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INVALID_INPUT', `${what}“${file}”不是 PEM 格式的公钥`);
  }
}

/** A new key pair as PEM text: the private key (PKCS#8) and the public key (SPKI). */
export function generateAnchorKeyPair(): { privatePem: string; publicPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}
