import type { MethodInput, MethodOutput } from '../../../../electron/contract';
import { api } from '../../api/api-slice';

/** The 备份与恢复 endpoints, injected so the section stays in its own files. */
export const backupsApi = api.enhanceEndpoints({ addTagTypes: ['Backups'] }).injectEndpoints({
  endpoints: (b) => ({
    backups: b.query<MethodOutput<'backups.list'>, void>({
      query: () => ({ method: 'backups.list', input: {} }),
      providesTags: ['Backups'],
    }),
    createBackup: b.mutation<MethodOutput<'backups.create'>, void>({
      query: () => ({ method: 'backups.create', input: {} }),
      invalidatesTags: ['Backups', 'Audit'],
    }),
    restoreFromBackup: b.mutation<MethodOutput<'backups.restore'>, MethodInput<'backups.restore'>>({
      query: (input) => ({ method: 'backups.restore', input }),
      // Every session ends: the back end tells this window (session.changed), which then drops its
      // whole cache and shows the login screen (session-reset.ts).
      invalidatesTags: ['Backups'],
    }),
  }),
});

export const { useBackupsQuery, useCreateBackupMutation, useRestoreFromBackupMutation } = backupsApi;
