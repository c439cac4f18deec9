import type { Bilingual } from '../../core/index';

/*
 * Longer texts of the steps after the first: they load with those steps, not with the first screen
 * (the initial-JS budget), and are bilingual like the core's texts.
 */
export const WAN_IPV6_HINT: Bilingual = {
  ja: 'RTX で show ipv6 address を実行し、WAN 側インターフェース (例: lan2) の global のアドレスを /64 を付けずに入れます。VPS からこのアドレスへ接続します。IPoE のアドレスは「半固定」で、回線やルーターの交換・契約変更で変わることがあります。変わったら両側の設定を作り直してください。',
  en: 'On the RTX run show ipv6 address and take the global address of the WAN interface (e.g. lan2), without the /64. The VPS connects to it. IPoE addresses are only semi-fixed: a new line, router or contract can change them; then generate both ends again.',
};

export const VPS_IPV6_HINT: Bilingual = {
  ja: 'VPS の公開インターフェースのグローバルアドレスです。VPS で ip -6 addr show を実行して scope global の行 (/64 などは付けない)、または VPS 事業者のコントロールパネルのネットワーク情報で確かめられます。',
  en: 'The global address of the VPS’s public interface: run ip -6 addr show on the VPS and take the scope global line (without the /64), or look in your provider’s control panel.',
};

export const PSK_HINT: Bilingual = {
  ja: '両端で同じ値でなければなりません。鍵を受け取っている場合はその鍵を入力し、そうでなければ「生成」でこのブラウザの乱数から作ります (32 文字)。',
  en: 'It must be the same on both ends. If you were given a key, enter that one; otherwise Generate makes one from this browser’s random generator (32 characters).',
};

export const PSK_ENTER_GIVEN: Bilingual = { ja: '受け取った鍵を入力', en: 'Enter the key you were given' };

export const IPV6_PREFIX: Bilingual = {
  ja: '「{suffix}」を外してください: この欄にはプレフィックスではなく、アドレスそのものを入れます。',
  en: 'Remove the “{suffix}”: this field wants the address, not the prefix.',
};

export const IPV6_ZONE: Bilingual = {
  ja: '「{suffix}」を外してください: % の後ろはリンクローカルアドレス用のゾーン ID です。この欄にはグローバルアドレスだけを入れます。',
  en: 'Remove the “{suffix}”: a zone id belongs to link-local addresses; this field wants the global address alone.',
};
