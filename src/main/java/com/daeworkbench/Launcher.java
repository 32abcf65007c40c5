package com.daeworkbench;

public final class Launcher {
    public static void main(String[] args) {
        System.out.println("DAE Workbench");
    }
}
