import { describe, expect, it, jest as jestApi } from "@jest/globals";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ActionResult } from "@/lib/actions";
import { WaitlistForm } from "@/components/store/waitlist-form";

// Global `jest.mock` so the transform hoists it above the imports. The real server action pulls in the database layer; the form gets its submit injected instead.
jest.mock("@/app/actions/waitlist", () => ({ joinWaitlist: jest.fn() }));
jest.mock("sonner", () => ({ toast: { success: jest.fn(), error: jest.fn() } }));

const VARIANT = "11111111-1111-4111-8111-111111111111";
type Submit = (input: { variantId: string; email: string }) => Promise<ActionResult<{ message: string }>>;

describe("WaitlistForm", () => {
  it("has a labelled email field and submits the variant with the typed address", async () => {
    const submit = jestApi.fn<Submit>().mockResolvedValue({ ok: true, data: { message: "Thanks! We'll email you once." } });
    render(<WaitlistForm variantId={VARIANT} submit={submit} />);
    await userEvent.type(screen.getByLabelText(/email me when it's back/i), "ana@example.com");
    await userEvent.click(screen.getByRole("button", { name: /notify me/i }));
    expect(submit).toHaveBeenCalledWith({ variantId: VARIANT, email: "ana@example.com" });
    expect(await screen.findByRole("status")).toHaveTextContent("Thanks! We'll email you once.");
  });

  it("shows a field error inline, linked to the input for screen readers", async () => {
    const submit = jestApi.fn<Submit>().mockResolvedValue({ ok: false, error: { code: "VALIDATION", message: "Invalid input", fieldErrors: { email: ["Enter a valid email address"] } } });
    render(<WaitlistForm variantId={VARIANT} submit={submit} />);
    await userEvent.type(screen.getByLabelText(/email me/i), "nope");
    await userEvent.keyboard("{Enter}");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Enter a valid email address");
    const input = screen.getByLabelText(/email me/i);
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input.getAttribute("aria-describedby")).toBe(alert.id);
  });

  it("shows the rate-limit message", async () => {
    const submit = jestApi.fn<Submit>().mockResolvedValue({ ok: false, error: { code: "RATE_LIMITED", message: "Too many requests. Please try again in 10 minute(s)." } });
    render(<WaitlistForm variantId={VARIANT} submit={submit} />);
    await userEvent.type(screen.getByLabelText(/email me/i), "ana@example.com{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent(/too many requests/i);
  });
});
