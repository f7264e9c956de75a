import type { AnalystProfile, UpdateProfileInput } from '@deskside/core';
import type { SettingsService } from '../settings/settings-service';
import type { WorkflowConfigService } from '../workflow/config-service';

/**
 * The analyst at this console: the name shown on screen is this console's own setting; the
 * groups are memberships in the desk's shared configuration ("my groups" in the queue).
 */
export class ProfileService {
  constructor(
    private readonly analyst: string,
    private readonly settings: SettingsService,
    private readonly workflow: WorkflowConfigService,
  ) {}

  async get(): Promise<AnalystProfile> {
    const config = await this.workflow.get();
    return {
      analyst: this.analyst,
      displayName: this.settings.get().displayName,
      groups: config.groups.filter((g) => g.members.includes(this.analyst)).map((g) => g.id),
    };
  }

  async update(changes: UpdateProfileInput): Promise<AnalystProfile> {
    // Groups first: an unknown group refuses the whole change before the name is kept.
    if (changes.groups) await this.workflow.setMembership(this.analyst, changes.groups);
    if (changes.displayName !== undefined) {
      this.settings.update({ displayName: changes.displayName });
    }
    return this.get();
  }
}
