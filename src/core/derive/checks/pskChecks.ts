import { FIELD_PATTERNS } from '../../plan/fields';
import { bi } from '../../text/bilingual';
import type { Deployment } from '../deployment';
import { peerPath, type Check, type Report } from './check';

function checkPsk(d: Deployment, report: Report) {
  const psk = d.peer.tunnel.psk;
  const path = peerPath(d, 'tunnel.psk');
  if (psk.length === 0) {
    report('error', 'psk.missing', path, bi('事前共有鍵を生成するか入力してください。', 'Generate or enter a pre-shared key.'));
    return;
  }
  if (psk.length > 128) {
    report('error', 'psk.length', path, bi('事前共有鍵は 128 文字までです (RTX の上限)。', 'The pre-shared key is at most 128 characters (the RTX limit).'));
    return;
  }
  const forbidden = [...psk].find((char) => !FIELD_PATTERNS.psk.test(`${char}${'a'.repeat(7)}`));
  if (forbidden !== undefined) {
    const shown = /^[\x21-\x7e]$/.test(forbidden) ? `「${forbidden}」` : `U+${forbidden.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    report(
      'error',
      'psk.character',
      path,
      bi(
        `事前共有鍵に使えない文字 ${shown} があります。空白と " ' # ? | > \\ 以外の半角英数字・記号を使ってください。`,
        `The pre-shared key contains ${shown}, which is not allowed: use printable ASCII except space and " ' # ? | > \\.`,
      ),
    );
    return;
  }
  if (psk.length < 8) {
    report('error', 'psk.length', path, bi('事前共有鍵は 8 文字以上にしてください。', 'The pre-shared key needs at least 8 characters.'));
  } else if (psk.length < 20) {
    report(
      'warning',
      'psk.weak',
      path,
      bi('事前共有鍵が短すぎます。20 文字以上を推奨します。', 'The pre-shared key is short; 20 characters or more are recommended.'),
    );
  }
}

/** The pre-shared key: present, within the RTX's length, and only characters no file needs to escape. */
export const pskCheck: Check = { name: 'psk', run: checkPsk };
