/** Every MikroORM entity, listed statically (no folder scanning at start-up). */
import { AppSetting } from './app-setting.entity.js';
import { User } from '../modules/identity/user.entity.js';
import { ApiKey } from '../modules/identity/api-key.entity.js';
import { Association } from '../modules/associations/association.entity.js';
import { Membership } from '../modules/associations/membership.entity.js';
import { HelpRequest, Slot } from '../modules/help-requests/help-request.entity.js';

export const entities = [AppSetting, User, ApiKey, Association, Membership, HelpRequest, Slot];
