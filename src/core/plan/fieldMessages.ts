import { bi, type Bilingual } from '../text/bilingual';
import { MAX_PEERS } from './limits';

/** Texts for the message codes the schema attaches to field-level problems. */
const FIELD_MESSAGES: Readonly<Record<string, Bilingual>> = {
  required: bi('入力してください。', 'Required.'),
  choice: bi('一覧から選んでください。', 'Choose one of the listed values.'),
  integer: bi('整数を入力してください。', 'Enter a whole number.'),
  'ipv6.syntax': bi('IPv6 アドレスの形式ではありません (例: 2001:db8::1)。', 'Not an IPv6 address (e.g. 2001:db8::1).'),
  'ipv4.syntax': bi('IPv4 アドレスの形式ではありません (例: 192.168.1.1)。', 'Not an IPv4 address (e.g. 192.168.1.1).'),
  'ipv4.cidr': bi('アドレス/プレフィックス長で入力してください (例: 192.168.10.1/24)。', 'Enter address/prefix length (e.g. 192.168.10.1/24).'),
  'router.interface': bi('lan1・lan2・onu1 のような RTX のインターフェース名です。', 'An RTX interface name such as lan1, lan2 or onu1.'),
  'router.firmware': bi('リビジョンは 15.02.33 の形式です。', 'A revision looks like 15.02.33.'),
  'linux.interface': bi(
    '英字で始まる 15 文字以内の英数字・_・- です (例: eth1, ens4)。',
    'Up to 15 letters, digits, _ or -, starting with a letter (e.g. eth1, ens4).',
  ),
  'connection.name': bi(
    '英小文字で始まる 32 文字以内の英小文字・数字・- です (設定ファイル名にも使います)。',
    'Up to 32 lower-case letters, digits or -, starting with a letter (it also names the files).',
  ),
  description: bi(
    '64 文字以内の半角英数字と . _ : ( ) + , = @ / - と空白です (前後の空白と ? # | > \\ \' " は使えません)。',
    'Up to 64 ASCII letters, digits, spaces and . _ : ( ) + , = @ / - (no leading/trailing space, no ? # | > \\ \' ").',
  ),
  'ipv4.network': bi(
    'ホスト (192.168.10.5) か、ホスト部が 0 のネットワーク (192.168.10.0/24) で入力してください。',
    'Enter a host (192.168.10.5) or a network with its host bits zero (192.168.10.0/24).',
  ),
  'forwards.max': bi('ポート転送は 32 件までです。', 'At most 32 port forwards.'),
  'egress.sources.max': bi('VPS 経由にする送信元は 16 件までです。', 'At most 16 sources for egress through the VPS.'),
  'hgw.model': bi('32 文字以内の英数字です。', 'Up to 32 letters and digits.'),
  'lans.min': bi('LAN セグメントを 1 つ以上入力してください。', 'Enter at least one LAN segment.'),
  'lans.max': bi('LAN セグメントは 4 つまでです。', 'At most four LAN segments.'),
  'filters.tooMany': bi('RTX のフィルタリストに入るのは 129 個までです。', 'An RTX filter list holds at most 129 filters.'),
  'filters.inboundTooMany': bi(
    '既存の secure filter in のリストは 120 個までです (RTX のリストは 129 個まで。VPS 用のフィルタを足す余地を残します)。',
    'The existing secure filter in list may hold at most 120 filters (an RTX list holds 129; this leaves room for the VPS filters).',
  ),
  'ike.version': bi('IKE のバージョンは 1 か 2 です。', 'The IKE version is 1 or 2.'),
  'peers.min': bi('VPS (トンネル) を 1 つ以上入力してください。', 'Enter at least one VPS (tunnel).'),
  'peers.max': bi(`1 つのプランで扱える VPS (トンネル) は ${MAX_PEERS} 個までです。`, `A plan holds at most ${MAX_PEERS} VPSes (tunnels).`),
  'fqdn.syntax': bi(
    'ホスト名に使えるのは半角英数字・ハイフン・ドット (253 文字まで) です。',
    'A host name holds only letters, digits, hyphens and dots (at most 253).',
  ),
  schemaVersion: bi('この版が読めないプランの形式です。', 'A plan format this version cannot read.'),
};

export function fieldMessage(code: string): Bilingual {
  const range = /^range:(-?\d+):(-?\d+)$/.exec(code);
  if (range) return bi(`${range[1]} から ${range[2]} までの整数です。`, `A whole number from ${range[1]} to ${range[2]}.`);
  return FIELD_MESSAGES[code] ?? bi('値が正しくありません。', 'Invalid value.');
}
