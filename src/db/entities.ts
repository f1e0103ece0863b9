/** Every MikroORM entity, listed statically (no folder scanning at start-up). */
import { AppSetting } from './app-setting.entity.js';

export const entities = [AppSetting];
