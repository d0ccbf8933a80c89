// The receiving body of a delegation (§13.2: a body of a lower level) or the entrusted body of an
// entrustment (another body): a searchable select over the bodies that qualify.
import { Select } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api.ts';
import { bodyOptions, filterByLabel } from '../../lib/options.ts';
import { useLoad } from '../../lib/useLoad.ts';
import type { AdjustmentKind } from './model.ts';

interface Props {
  kind: AdjustmentKind;
  /** the applying body and its region path */
  bodyId: number | undefined;
  regionPath: string | undefined;
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
}

export default function ReceivingBodySelect({ kind, bodyId, regionPath, value, onChange, id }: Props) {
  const bodies = useLoad(() => api.bodies(), []);
  const options = useMemo(
    () =>
      bodyOptions(
        (bodies.data ?? []).filter(
          (b) =>
            !b.office &&
            b.id !== bodyId &&
            (kind !== 'delegate' || (!!regionPath && b.regionPath.startsWith(`${regionPath}/`))),
        ),
      ),
    [bodies.data, kind, bodyId, regionPath],
  );
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: filterByLabel }}
      loading={bodies.loading}
      options={options}
      placeholder="输入名称查找"
    />
  );
}
