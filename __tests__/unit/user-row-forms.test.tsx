import { beforeEach, describe, expect, it } from "@jest/globals";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh: jest.fn() }) }));
jest.mock("sonner", () => ({ toast: { success: jest.fn(), error: jest.fn() } }));
jest.mock("@/app/actions/users", () => ({
  changeUserRoleAction: jest.fn(), createUserAction: jest.fn(), deleteUserAction: jest.fn(), resetUserPasswordAction: jest.fn(), signOutUserEverywhereAction: jest.fn(),
}));

const { UserRowForms } = jest.requireActual<typeof import("@/components/admin/user-forms")>("@/components/admin/user-forms");
const actions = jest.requireMock<Record<"changeUserRoleAction" | "createUserAction" | "deleteUserAction" | "resetUserPasswordAction" | "signOutUserEverywhereAction", jest.Mock>>("@/app/actions/users");
const ada = { id: "11111111-1111-4111-8111-111111111111", email: "ada@example.com", role: "OPS", activeSessions: 1 };

beforeEach(() => {
  for (const mock of Object.values(actions)) mock.mockReset();
});

describe("user row actions", () => {
  it("a row is a line of buttons: no form fields until a dialog is opened", () => {
    render(<UserRowForms user={ada} isSelf={false} />);
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(screen.getByRole("button", { name: "Change role…" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Set password…" })).toBeEnabled();
  });

  it("changes the role in a dialog, which closes once saved", async () => {
    actions.changeUserRoleAction.mockResolvedValue({ ok: true, data: {} });
    const user = userEvent.setup();
    render(<UserRowForms user={ada} isSelf={false} />);
    await user.click(screen.getByRole("button", { name: "Change role…" }));
    const dialog = screen.getByRole("dialog", { name: "Role of ada@example.com" });
    await user.selectOptions(within(dialog).getByLabelText("Role"), "ADMIN");
    await user.click(within(dialog).getByRole("button", { name: "Change role" }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    const sent = actions.changeUserRoleAction.mock.calls[0]![0] as FormData;
    expect(Object.fromEntries(sent)).toEqual({ userId: ada.id, role: "ADMIN" });
  });

  it("keeps the password dialog open with the field's error", async () => {
    actions.resetUserPasswordAction.mockResolvedValue({ ok: false, error: { code: "VALIDATION", message: "Invalid input", fieldErrors: { password: ["At least 12 characters"] } } });
    const user = userEvent.setup();
    render(<UserRowForms user={ada} isSelf={false} />);
    await user.click(screen.getByRole("button", { name: "Set password…" }));
    const dialog = screen.getByRole("dialog", { name: "New password for ada@example.com" });
    await user.type(within(dialog).getByLabelText("New password"), "short");
    await user.click(within(dialog).getByRole("button", { name: "Set password" }));
    expect(await within(dialog).findByText("At least 12 characters", { selector: "p[id$='-error']" })).toBeInTheDocument();
    expect(dialog).toBeInTheDocument();
  });

  it("you cannot change your own role", () => {
    render(<UserRowForms user={ada} isSelf />);
    expect(screen.getByRole("button", { name: "Change role…" })).toBeDisabled();
    expect(screen.queryByRole("button", { name: "Delete user" })).toBeNull();
  });
});
