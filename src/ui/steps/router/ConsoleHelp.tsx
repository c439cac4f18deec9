import type { Bilingual } from '../../../core/index';
import { useI18n } from '../../i18n';

// Loaded when the visitor opens the section: the first screen's JavaScript stays within budget.
const CONSOLE: Bilingual = {
  ja: 'RTX へはシリアル (CONSOLE ポート)、LAN からの TELNET、または有効にしていれば SSH でログインし、administrator で管理者モードに入ってから貼り付けます。Web GUI のある機種では、GUI のコマンドを入力するページからも実行できます (ページの名前は機種とリビジョンで異なります)。',
  en: 'Log in to the RTX over the serial CONSOLE port, TELNET from the LAN, or SSH if you enabled it, and enter administrator mode with administrator before pasting. On models with a Web GUI you can also run the lines from its command input page (its name differs by model and revision).',
};
const REPLACE_TITLE: Bilingual = { ja: '貼り付けると今の設定を置き換える行', en: 'Pasted lines that replace current settings' };
const REPLACES: readonly Bilingual[] = [
  { ja: 'ip lan1 address … — そのインターフェースの IPv4 アドレスを置き換えます。', en: 'ip lan1 address … replaces that interface’s IPv4 address.' },
  { ja: 'ip route default … — 今のデフォルト経路を置き換えます。', en: 'ip route default … replaces the current default route.' },
  {
    ja: 'ipv6 lan2 secure filter in / out … — そのインターフェースのフィルタの一覧全体を置き換えます。手順 2 に入れた既存の番号がそのまま並ぶので、抜けがあるとその通信が止まります。',
    en: 'ipv6 lan2 secure filter in / out … replaces the interface’s whole filter list. It lists the existing numbers you entered in step 2: a missing one stops that traffic.',
  },
];
const CHECK_FIRST: Bilingual = {
  ja: '先に show config で今の設定を控え、手順 2 の既存フィルタ番号と secure filter の行が一致するか確かめてください。貼り付けた内容は save するまで保存されず、save 前なら再起動で元に戻ります。',
  en: 'First note the current settings with show config and check that the existing filter numbers of step 2 match its secure filter lines. What you paste is not kept until you run save; before save, a restart brings the old settings back.',
};

/** How to reach the RTX console, which pasted lines replace settings, and what to check first. */
export function ConsoleHelp() {
  const { pick } = useI18n();
  return (
    <>
      <p>{pick(CONSOLE)}</p>
      <p>
        <b>{pick(REPLACE_TITLE)}</b>
      </p>
      <ul>
        {REPLACES.map((text) => (
          <li key={text.en}>{pick(text)}</li>
        ))}
      </ul>
      <p>{pick(CHECK_FIRST)}</p>
    </>
  );
}
