import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/Checkbox';

/** The pairing code the user reads out from `deskside-agent pair`, with how to get it. */
export function PairingCodeInput({
  code,
  onChange,
}: {
  code: string;
  onChange: (code: string) => void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <>
      <label>
        {t('machines.code')}
        <input
          value={code}
          onChange={(e) => {
            onChange(e.target.value);
          }}
          aria-describedby={hintId}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          required
        />
      </label>
      <small id={hintId} className="muted">
        {t('machines.codeHint')}
      </small>
    </>
  );
}

/** The analyst's word that the fingerprint shown is the one the agent printed. */
export function FingerprintConfirm({
  confirmed,
  onChange,
}: {
  confirmed: boolean;
  onChange: (confirmed: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox checked={confirmed} onChange={onChange}>
      {t('machines.confirmMatch')}
    </Checkbox>
  );
}

/** The name the desk lists a machine under; left empty, the machine's host name. */
export function MachineNameField({
  name,
  onChange,
}: {
  name: string;
  onChange: (name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t('machines.nameOptional')}
      <input
        value={name}
        onChange={(e) => {
          onChange(e.target.value);
        }}
        maxLength={120}
      />
    </label>
  );
}

/** Where the agent listens: its address and port, as the analyst types them. */
export function AgentAddressFields({
  address,
  port,
  onAddress,
  onPort,
}: {
  address: string;
  port: string;
  onAddress: (address: string) => void;
  onPort: (port: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('machines.address')}
        <input
          value={address}
          onChange={(e) => {
            onAddress(e.target.value);
          }}
          required
        />
      </label>
      <label>
        {t('machines.port')}
        <input
          value={port}
          onChange={(e) => {
            onPort(e.target.value);
          }}
          inputMode="numeric"
          required
        />
      </label>
    </>
  );
}
