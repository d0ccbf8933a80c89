// A power's every field in a drawer (read-only), with an optional button for who may act on it.
import { Drawer } from 'antd';
import type { ReactNode } from 'react';
import type { Category, PowerFields } from './listApi.ts';
import PowerDetail from './PowerDetail.tsx';

export default function PowerDetailDrawer({
  power,
  categories,
  onClose,
  extra,
}: {
  power: PowerFields | null;
  categories: readonly Category[];
  onClose: () => void;
  extra?: ReactNode;
}) {
  return (
    <Drawer
      title={power ? power.name : '行政职权'}
      open={!!power}
      onClose={onClose}
      size={860}
      destroyOnHidden
      extra={extra}
    >
      {power && <PowerDetail power={power} categories={categories} />}
    </Drawer>
  );
}
