/**
 * The tabs the IDE opens with (when the browser has none stored): a welcome
 * tab saying how to authenticate, then the example operations of
 * examples/operations/, bundled at build time.
 */
import type { GraphiQLProps } from 'graphiql';

type TabDefinition = NonNullable<GraphiQLProps['defaultTabs']>[number];

/** The demo logins (docs/demo-data.md): every one has this password. */
const DEMO_LOGIN = { email: 'hz.coordinator@demo.example.org', password: 'mutual-aid-demo' };

const WELCOME = `# 互助 GraphQL IDE · Mutual aid GraphQL IDE
#
# 运行：Ctrl+Enter 或 ▶ 按钮；左侧“文档”图标浏览模式。
# Run: Ctrl+Enter or ▶; the docs icon on the left
# browses the schema.
#
# 登录：在 “SignUp” 标签页运行 LogIn，演示账号如
#   ${DEMO_LOGIN.email}
#   密码 ${DEMO_LOGIN.password}（见 docs/demo-data.md，仅当载入演示数据时），
# 再把返回的 token 填入下方 Headers：
# Log in: run LogIn in the "SignUp" tab with a demo
# login (docs/demo-data.md; only where the demo data
# is loaded) such as the one above,
# then put the token it returns in Headers below:
#
#   {"Authorization": "Bearer <token>"}
#
# 订阅（subscription）走 WebSocket，连接时发送同样的
# Headers（connection_init），以该身份接收事件。
# 不填 Headers 即匿名：只能读公开数据。
# Subscriptions run over a WebSocket that sends the
# same Headers (its connection_init), so they see what
# that login sees. No Headers: anonymous, public data.
#
# 其他标签页是示例操作 · The other tabs are examples.

query WhoAmI {
  viewer {
    displayName
    email
  }
}
`;

/** The current month in China (UTC+8), for the stats example. */
function thisMonth(): { from: string; to: string } {
  const now = new Date(Date.now() + 8 * 3600_000);
  const month = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
  return { from: `${month(0)}T00:00:00+08:00`, to: `${month(1)}T00:00:00+08:00` };
}

/** Variables some examples start with, by file name (a file not named here starts with none). */
const VARIABLES: Partial<Record<string, object>> = {
  'sessions.graphql': DEMO_LOGIN,
  'associations.graphql': { first: 10 },
  'live-feed.graphql': { first: 10 },
  'stats.graphql': thisMonth(),
  'claims.graphql': { input: { slotId: '<slot id>', associationId: '<your association id>', quantity: 1 } },
};

/** Logging in comes first: the other tabs do more with its token. Files not named here follow, by name. */
const ORDER = ['sessions.graphql', 'associations.graphql', 'live-feed.graphql', 'claims.graphql'];

const rank = (name: string) => {
  const index = ORDER.indexOf(name);
  return index < 0 ? ORDER.length : index;
};

const EXAMPLES = import.meta.glob<string>('../../../examples/operations/*.graphql', { query: '?raw', import: 'default', eager: true });

function exampleTabs(): TabDefinition[] {
  return Object.entries(EXAMPLES)
    .map(([file, text]) => ({ name: file.slice(file.lastIndexOf('/') + 1), text }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name))
    .map(({ name, text }) => {
      const variables = VARIABLES[name];
      return { query: text, variables: variables ? JSON.stringify(variables, null, 2) : null };
    });
}

export const defaultTabs: TabDefinition[] = [{ query: WELCOME, variables: null, headers: null }, ...exampleTabs()];
