import { STACKS, TARGETS } from '../../../core/caps/targets';
import type { Plan } from '../../../core/index';
import { useLive } from '../../form/live';
import { useI18n } from '../../i18n';
import { useEngine, type Engine } from '../../useEngine';

interface ReviewStepProps {
  readonly onDownload: () => void;
  readonly onCopyHeredoc: () => void;
  readonly onCopyLink: () => void;
  readonly includePskInLink: boolean;
  readonly onIncludePskInLink: (include: boolean) => void;
  readonly shareUrl: string;
}

function Summary({ plan, engine }: { readonly plan: Plan; readonly engine: Engine }) {
  const { t, pick } = useI18n();
  const { aggregateNetworks, formatNetwork, networkOf, parseIpv4Interface } = engine;
  const peer = plan.peers[0]!;
  const target = TARGETS[peer.vps.target];
  const stack = peer.vps.stack ?? target.defaultStack;
  const homes = aggregateNetworks(plan.home.lans.map((lan) => networkOf(parseIpv4Interface(lan.address)!))).map(formatNetwork);
  const access = plan.home.ipv4Access;
  const c = peer.tunnel.crypto;
  const stackCaps = STACKS.includes(stack) ? target.stacks[stack] : undefined;
  return (
    <dl className="summary">
      <dt>{t('review.router')}</dt>
      <dd>
        {plan.router.model} Rev.{plan.router.firmware}
      </dd>
      <dt>{t('review.wan')}</dt>
      <dd className="mono">
        {plan.home.wanInterface} {plan.home.wanIpv6}
      </dd>
      <dt>{t('review.ipv4')}</dt>
      <dd>{access.kind === 'none' ? t('wan.access.none') : `${access.kind === 'ds-lite' ? 'DS-Lite' : 'MAP-E'} (tunnel ${access.tunnelId})`}</dd>
      <dt>{t('review.home')}</dt>
      <dd className="mono">{homes.join(', ')}</dd>
      <dt>{t('review.vps')}</dt>
      <dd>
        {pick(target.label)} · {stack} {stackCaps?.version ?? ''}
      </dd>
      <dt>{t('review.vpsAddress')}</dt>
      <dd className="mono">
        {peer.vps.ipv6} · {formatNetwork(networkOf(parseIpv4Interface(peer.vps.privateAddress)!))}
      </dd>
      <dt>{t('review.crypto')}</dt>
      <dd className="mono">
        IKEv{c.ikeVersion} {c.ikeEncryption}/{c.ikeHash}/{c.dhGroup} · ESP {c.espEncryption}/{c.espIntegrity}
        {c.pfs ? ' · PFS' : ''}
      </dd>
      <dt>{t('review.tunnel')}</dt>
      <dd className="mono">
        tunnel {peer.tunnel.tunnelId} · gw {peer.tunnel.gatewayId} · policy {peer.tunnel.policyId}
      </dd>
    </dl>
  );
}

export function ReviewStep({ onDownload, onCopyHeredoc, onCopyLink, includePskInLink, onIncludePskInLink, shareUrl }: ReviewStepProps) {
  const { t } = useI18n();
  const { plan, findings, files } = useLive();
  const engine = useEngine();
  const errors = findings.filter((finding) => finding.level === 'error').length;
  const ready = Boolean(plan) && errors === 0 && files.length > 0;
  return (
    <>
      {plan && engine ? <Summary plan={plan} engine={engine} /> : null}
      <fieldset>
        <legend>{t('review.downloadTitle')}</legend>
        {!ready ? (
          <p className="msg error" id="download-blocked">
            {t('review.blocked', { n: errors })}
          </p>
        ) : (
          <p className="hint">{t('review.downloadHint', { n: files.length })}</p>
        )}
        <div className="row">
          <button type="button" className="primary" onClick={onDownload} disabled={!ready} aria-describedby={ready ? undefined : 'download-blocked'}>
            {t('review.download', { name: plan?.peers[0]?.name ?? '' })}
          </button>
          <button type="button" onClick={onCopyHeredoc} disabled={!ready}>
            {t('review.heredoc')}
          </button>
        </div>
        <p className="hint">{t('review.heredocHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('share.title')}</legend>
        <p className="hint">{t('share.hint')}</p>
        <div className="field">
          <label htmlFor="share-url">{t('share.url')}</label>
          <div className="psk-row">
            <input id="share-url" type="text" readOnly value={shareUrl} className="mono" onFocus={(event) => event.target.select()} />
            <button type="button" onClick={onCopyLink}>
              {t('share.copy')}
            </button>
          </div>
        </div>
        <div className="field check">
          <input
            id="share-psk"
            type="checkbox"
            checked={includePskInLink}
            onChange={(event) => onIncludePskInLink(event.target.checked)}
            aria-describedby="share-psk-warning"
          />
          <label htmlFor="share-psk">{t('share.includePsk')}</label>
          <p className={includePskInLink ? 'msg warning' : 'hint'} id="share-psk-warning">
            {t('share.includePskWarning')}
          </p>
        </div>
      </fieldset>
    </>
  );
}
