import { launchdInstallPlan, launchdUninstallPlan } from './launchd';
import type { ServiceOptions, ServicePlan, ServicePlatform } from './plan';
import { systemdInstallPlan, systemdUninstallPlan } from './systemd';
import { windowsInstallPlan, windowsUninstallPlan } from './windows';

/** What install-service and uninstall-service do, per platform. */
export const SERVICE_PLANS: Record<
  ServicePlatform,
  Record<'install' | 'uninstall', (o: ServiceOptions) => ServicePlan>
> = {
  linux: { install: systemdInstallPlan, uninstall: systemdUninstallPlan },
  darwin: { install: launchdInstallPlan, uninstall: launchdUninstallPlan },
  win32: { install: windowsInstallPlan, uninstall: windowsUninstallPlan },
};
