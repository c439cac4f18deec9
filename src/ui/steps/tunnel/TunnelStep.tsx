import { useMemo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { DH_GROUPS, ENCRYPTIONS, HASHES } from '../../../core/crypto/algorithms';
import { PROFILE_IDS, PROFILES, profileMatching, type ProfileId } from '../../../core/crypto/profiles';
import { randomPsk } from '../../../core/crypto/randomPsk';
import type { Plan } from '../../../core/index';
import { CheckField, FieldShell, NumberField, SelectField, TextField } from '../../form/fields';
import { useAvailableOptions, useLive } from '../../form/live';
import { useI18n } from '../../i18n';
import { PSK_ENTER_GIVEN, PSK_HINT } from '../hints';
import { useEngine } from '../../useEngine';

const CRYPTO = 'peers.0.tunnel.crypto';
const IKE_VERSIONS = [1, 2] as const;
const INITIATORS = ['both', 'vps', 'rtx'] as const;
const ALGORITHM_LABEL: Readonly<Record<string, string>> = {
  aes128: 'AES-128-CBC',
  aes256: 'AES-256-CBC',
  '3des': '3DES-CBC',
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
  modp1024: 'MODP1024 (DH2)',
  modp1536: 'MODP1536 (DH5)',
  modp2048: 'MODP2048 (DH14)',
};
const algorithm = (value: string) => ALGORITHM_LABEL[value] ?? value;

interface TunnelStepProps {
  readonly keepPsk: boolean;
  readonly onKeepPsk: (keep: boolean) => void;
}

export function TunnelStep({ keepPsk, onKeepPsk }: TunnelStepProps) {
  const { t, pick } = useI18n();
  const { control, setValue, register } = useFormContext<Plan>();
  const { plan } = useLive();
  const engine = useEngine();
  const [showPsk, setShowPsk] = useState(false);
  const crypto = useWatch({ control, name: 'peers.0.tunnel.crypto' });
  const ikeVersion = useWatch({ control, name: 'peers.0.tunnel.crypto.ikeVersion' });
  const profile = profileMatching(crypto) ?? '';

  const profileVerdicts = useMemo(
    () =>
      PROFILE_IDS.map((id) => {
        if (!plan || !engine) return { id, reason: undefined };
        // Answered from the plan's one derivation (the same the option lists use), not a generation per profile.
        const patch = Object.fromEntries(Object.entries(PROFILES[id].suite).map(([key, value]) => [`${CRYPTO}.${key}`, value]));
        return { id, reason: engine.availabilityOf(plan).errorWith(patch, CRYPTO) };
      }),
    [engine, plan],
  );
  const applyProfile = (id: ProfileId) => {
    const suite = PROFILES[id].suite;
    for (const key of Object.keys(suite) as (keyof typeof suite)[]) {
      setValue(`${CRYPTO}.${key}`, suite[key], { shouldDirty: true });
    }
  };

  const ikeVersionOptions = useAvailableOptions(`${CRYPTO}.ikeVersion`, IKE_VERSIONS, (value) => `IKEv${value}`);
  const ikeEncryption = useAvailableOptions(`${CRYPTO}.ikeEncryption`, ENCRYPTIONS, algorithm);
  const ikeHash = useAvailableOptions(`${CRYPTO}.ikeHash`, HASHES, algorithm);
  const dhGroup = useAvailableOptions(`${CRYPTO}.dhGroup`, DH_GROUPS, algorithm);
  const espEncryption = useAvailableOptions(`${CRYPTO}.espEncryption`, ENCRYPTIONS, algorithm);
  const espIntegrity = useAvailableOptions(`${CRYPTO}.espIntegrity`, HASHES, algorithm);
  const initiatorLabel: Record<(typeof INITIATORS)[number], string> = {
    both: t('tunnel.initiator.both'),
    vps: t('tunnel.initiator.vps'),
    rtx: t('tunnel.initiator.rtx'),
  };
  const blockedProfiles = profileVerdicts.filter((verdict) => verdict.reason && verdict.id !== profile);

  return (
    <>
      <div className="grid2">
        <TextField path="peers.0.name" label={t('tunnel.name')} hint={t('tunnel.nameHint')} mono />
        <TextField path="peers.0.description" label={t('tunnel.description')} mono />
      </div>
      <fieldset>
        <legend>{t('tunnel.cryptoTitle')}</legend>
        <div className="field">
          <label htmlFor="profile">{t('tunnel.profile')}</label>
          <select
            id="profile"
            value={profile}
            onChange={(event) => event.target.value && applyProfile(event.target.value as ProfileId)}
            aria-describedby="profile-hint"
          >
            <option value="">{t('tunnel.profileCustom')}</option>
            {profileVerdicts.map((verdict) => (
              <option key={verdict.id} value={verdict.id} disabled={Boolean(verdict.reason) && verdict.id !== profile}>
                {pick(PROFILES[verdict.id].label)}
                {verdict.reason && verdict.id !== profile ? ` — ${t('field.unavailable')}` : ''}
              </option>
            ))}
          </select>
          <p className="hint" id="profile-hint">
            {profile ? pick(PROFILES[profile].summary) : t('tunnel.profileHint')}
          </p>
          {blockedProfiles.length > 0 ? (
            <details className="reasons">
              <summary>{t('field.unavailableWhy', { count: blockedProfiles.length })}</summary>
              <ul>
                {blockedProfiles.map((verdict) => (
                  <li key={verdict.id}>
                    <b>{pick(PROFILES[verdict.id].label)}</b>: {verdict.reason ? pick(verdict.reason) : ''}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
        <div className="grid3">
          <SelectField path={`${CRYPTO}.ikeVersion`} label={t('tunnel.ikeVersion')} options={ikeVersionOptions} asNumber />
          <SelectField path={`${CRYPTO}.ikeEncryption`} label={t('tunnel.ikeEncryption')} options={ikeEncryption} />
          <SelectField path={`${CRYPTO}.ikeHash`} label={t('tunnel.ikeHash')} options={ikeHash} />
          <SelectField path={`${CRYPTO}.dhGroup`} label={t('tunnel.dhGroup')} options={dhGroup} />
          <SelectField path={`${CRYPTO}.espEncryption`} label={t('tunnel.espEncryption')} options={espEncryption} />
          <SelectField path={`${CRYPTO}.espIntegrity`} label={t('tunnel.espIntegrity')} options={espIntegrity} />
        </div>
        <CheckField path={`${CRYPTO}.pfs`} label={t('tunnel.pfs')} />
      </fieldset>
      <fieldset>
        <legend>{t('tunnel.pskTitle')}</legend>
        <FieldShell path="peers.0.tunnel.psk" label={t('tunnel.psk')} hint={pick(PSK_HINT)}>
          {(control) => (
            <div className="psk-row">
              <input
                {...control}
                {...register('peers.0.tunnel.psk')}
                type={showPsk ? 'text' : 'password'}
                className="mono"
                autoComplete="new-password"
                spellCheck={false}
                autoCapitalize="off"
              />
              <button type="button" onClick={() => setShowPsk((shown) => !shown)} aria-pressed={showPsk} aria-controls={control.id}>
                {showPsk ? t('tunnel.pskHide') : t('tunnel.pskShow')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setShowPsk(true);
                  document.getElementById(control.id)?.focus();
                }}
              >
                {pick(PSK_ENTER_GIVEN)}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => setValue('peers.0.tunnel.psk', randomPsk(), { shouldDirty: true, shouldValidate: true })}
              >
                {t('tunnel.pskGenerate')}
              </button>
            </div>
          )}
        </FieldShell>
        <div className="field check">
          <input id="keep-psk" type="checkbox" checked={keepPsk} onChange={(event) => onKeepPsk(event.target.checked)} aria-describedby="keep-psk-hint" />
          <label htmlFor="keep-psk">{t('tunnel.keepPsk')}</label>
          <p className="hint" id="keep-psk-hint">
            {t('tunnel.keepPskHint')}
          </p>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('tunnel.idsTitle')}</legend>
        <div className="grid3">
          <NumberField path="peers.0.tunnel.tunnelId" label={t('tunnel.tunnelId')} min={1} max={3000} />
          <NumberField path="peers.0.tunnel.gatewayId" label={t('tunnel.gatewayId')} min={1} max={3000} />
          <NumberField path="peers.0.tunnel.policyId" label={t('tunnel.policyId')} min={1} />
        </div>
        <SelectField
          path="peers.0.tunnel.initiator"
          label={t('tunnel.initiator')}
          options={INITIATORS.map((value) => ({ value, label: initiatorLabel[value] }))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('tunnel.timersTitle')}</legend>
        <div className="grid2">
          <NumberField path="peers.0.tunnel.ikeLifetime" label={t('tunnel.ikeLifetime')} min={300} max={86400} />
          <NumberField path="peers.0.tunnel.childLifetime" label={t('tunnel.childLifetime')} min={300} max={86400} />
          <NumberField path="peers.0.tunnel.dpd.delay" label={t('tunnel.dpdDelay')} min={1} max={600} />
          <NumberField
            path="peers.0.tunnel.dpd.timeout"
            label={t('tunnel.dpdTimeout')}
            hint={Number(ikeVersion) === 2 ? t('tunnel.dpdTimeoutHint') : undefined}
            min={1}
            max={3600}
          />
          <NumberField path="peers.0.tunnel.dpd.rtxInterval" label={t('tunnel.rtxInterval')} min={1} max={600} />
          <NumberField path="peers.0.tunnel.dpd.rtxCount" label={t('tunnel.rtxCount')} min={1} max={50} />
        </div>
      </fieldset>
    </>
  );
}
