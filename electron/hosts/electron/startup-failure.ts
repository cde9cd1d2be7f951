import { ConfigFileError } from '../../core/config/config-file';

/** sysexits.h EX_CONFIG: the config file is wrong. Scripts and service managers can tell it apart. */
export const EXIT_CONFIG_ERROR = 78;
/** sysexits.h EX_SOFTWARE: any other failure to start. */
export const EXIT_START_FAILED = 70;

export interface StartupFailure {
  title: string;
  message: string;
  exitCode: number;
}

/**
 * What the person at the counter sees when the back end cannot start. A config error names the
 * file and the field (ConfigFileError's message) so IT staff can fix it on the spot.
 */
export function describeStartupFailure(err: unknown): StartupFailure {
  if (err instanceof ConfigFileError) {
    return {
      title: '配置文件有误，工作站无法启动',
      message: `${err.message}\n\n请修改该配置文件后重新启动工作站；如不清楚如何修改，请联系信息技术人员。`,
      exitCode: EXIT_CONFIG_ERROR,
    };
  }
  return {
    title: '工作站无法启动',
    message: `启动时发生错误：${err instanceof Error ? err.message : String(err)}\n\n请重新启动工作站；如仍无法启动，请联系信息技术人员。`,
    exitCode: EXIT_START_FAILED,
  };
}

/** Shown when the page keeps crashing after automatic reloads. */
export const RENDERER_GAVE_UP = {
  title: '工作站界面无法恢复',
  message: '界面在一分钟内连续崩溃 3 次，已停止自动重新加载，工作站将退出。\n\n请重新启动工作站；如仍出现此问题，请联系信息技术人员。',
} as const;
